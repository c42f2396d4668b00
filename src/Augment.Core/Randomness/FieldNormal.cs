using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Augment.Core.Randomness;

/// <summary>
/// FieldNormal (docs/randomness.md), the standard normal that fields of values draw (ElasticTransform's
/// gaussian displacements, GaussNoise): Doornik's 128-layer ziggurat (ZIGNOR, "An Improved Ziggurat
/// Method to Generate Normal Random Samples", 2005) with one 64-bit output per attempt, the low 7 bits
/// choosing the layer and the top 53 the uniform. About 99% of draws take the rectangle test's return
/// (inlined); the rest (wedges, the tail, further attempts) is out of line. Bit for bit as the shim's
/// random.hpp had it, and drawing as many outputs.
/// </summary>
[SkipLocalsInit]
internal static unsafe class FieldNormal
{
    /// <summary>Where the tail starts.</summary>
    private const double TailStart = 3.442619855899;

    /// <summary>The area of each layer.</summary>
    private const double LayerArea = 9.91256303526217e-3;

    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    // 2^-52: 2 * (m * 2^-53) for the 53 bits m, in one exact product.
    private const double TwoToMinus52 = 1.0 / (1UL << 52);

    // Layer i's ratio X[i + 1] / X[i] at Table[2i] and its right edge X[i] at Table[2i + 1], for i = 0
    // .. 128 (X[0] the base strip's width, X[128] = 0, no ratio for 128): what an attempt reads is
    // side by side, and the address, a static readonly value, is a constant in optimised code. Built
    // once, as the document gives them, with the C library's exp and log, in memory that is never freed.
    private static readonly double* Table = Build();

    /// <summary>
    /// One FieldNormal() from <paramref name="generator"/>: one output, or more on the rare path. A loop
    /// over many draws from a local generator calls <see cref="Fill(ref Xoshiro256StarStar, Span{double})"/>
    /// instead: with the call to the rare path in it, the loop's generator is not kept in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(ref Xoshiro256StarStar generator)
    {
        var bits = generator.Next();
        var layer = (int)(bits & 0x7F);
        var u = ((long)(bits >> 11) * TwoToMinus52) - 1.0;
        var entry = Table + (2 * layer);
        if (Math.Abs(u) < entry[0])
        {
            return u * entry[1];
        }

        return Rest(ref generator, layer, u);
    }

    /// <summary>
    /// <paramref name="values"/>.Length FieldNormal()s in order, as <see cref="Next"/> one by one would
    /// draw them, as floats.
    /// </summary>
    public static void Fill(ref Xoshiro256StarStar generator, Span<float> values) => Fill<float>(ref generator, values);

    /// <summary><paramref name="values"/>.Length FieldNormal()s in order, as <see cref="Next"/> one by one would draw them.</summary>
    public static void Fill(ref Xoshiro256StarStar generator, Span<double> values) => Fill<double>(ref generator, values);

    private static void Fill<T>(ref Xoshiro256StarStar generator, Span<T> values)
    {
        var i = 0;
        while ((i = Rectangles(ref generator, values, i, out var layer, out var u)) < values.Length)
        {
            Store(ref values[i++], Rest(ref generator, layer, u));
        }
    }

    // Draws into values from start on while the attempts land in the rectangles; returns where one
    // did not (its layer and u out), or values.Length. No call in the loop, so the generator and the
    // loop's variables all stay in registers (with the call to Rest inside, they did not).
    private static int Rectangles<T>(ref Xoshiro256StarStar generator, Span<T> values, int start, out int layer, out double u)
    {
        var g = generator;
        var i = start;
        layer = 0;
        u = 0;
        for (; i < values.Length; i++)
        {
            var bits = g.Next();
            var l = (int)(bits & 0x7F);
            var v = ((long)(bits >> 11) * TwoToMinus52) - 1.0;
            var entry = Table + (2 * l);
            if (!(Math.Abs(v) < entry[0]))
            {
                (layer, u) = (l, v);
                break;
            }

            Store(ref values[i], v * entry[1]);
        }

        generator = g;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(ref T target, double value)
    {
        if (typeof(T) == typeof(float))
        {
            Unsafe.As<T, float>(ref target) = (float)value;
        }
        else
        {
            Unsafe.As<T, double>(ref target) = value;
        }
    }

    private static double Edge(int layer) => Table[(2 * layer) + 1];

    // The attempt (layer, u) failed the rectangle test: the tail, the wedge test, and further
    // attempts, drawing exactly as the loop written in one piece would.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Rest(ref Xoshiro256StarStar generator, int layer, double u)
    {
        while (true)
        {
            if (layer == 0)
            {
                return Tail(ref generator, u < 0);
            }

            var x = u * Edge(layer);
            var f0 = Math.Exp(-0.5 * ((Edge(layer) * Edge(layer)) - (x * x)));
            var f1 = Math.Exp(-0.5 * ((Edge(layer + 1) * Edge(layer + 1)) - (x * x)));
            if (f1 + (NextDouble(ref generator) * (f0 - f1)) < 1.0)
            {
                return x;
            }

            var bits = generator.Next();
            layer = (int)(bits & 0x7F);
            u = ((long)(bits >> 11) * TwoToMinus52) - 1.0;
            if (Math.Abs(u) < Table[2 * layer])
            {
                return u * Edge(layer);
            }
        }
    }

    // Beyond TailStart (Marsaglia 1964), from uniforms in (0, 1]: 1 - NextDouble().
    private static double Tail(ref Xoshiro256StarStar generator, bool negative)
    {
        double x;
        double y;
        do
        {
            x = Math.Log(1.0 - NextDouble(ref generator)) / TailStart;
            y = Math.Log(1.0 - NextDouble(ref generator));
        }
        while (-2.0 * y < x * x);

        return negative ? x - TailStart : TailStart - x;
    }

    private static double NextDouble(ref Xoshiro256StarStar generator) => (long)(generator.Next() >> 11) * TwoToMinus53;

    private static double* Build()
    {
        var x = new double[129];
        var f = Math.Exp(-0.5 * TailStart * TailStart);
        x[0] = LayerArea / f;
        x[1] = TailStart;
        x[128] = 0.0;
        for (var i = 2; i < 128; i++)
        {
            x[i] = Math.Sqrt(-2.0 * Math.Log((LayerArea / x[i - 1]) + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }

        var table = (double*)NativeMemory.AlignedAlloc(129 * 2 * sizeof(double), 64);
        for (var i = 0; i <= 128; i++)
        {
            table[2 * i] = i < 128 ? x[i + 1] / x[i] : 0.0;
            table[(2 * i) + 1] = x[i];
        }

        return table;
    }
}
