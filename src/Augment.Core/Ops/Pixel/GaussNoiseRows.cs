using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>
/// GaussNoise's pixels: in row-major order, per pixel one shared draw or one draw per colour
/// channel, delta = (mean + sd * FieldNormal()) * max, v' = clamp(round half away from zero(v +
/// delta), 0, max); alpha untouched.
/// </summary>
/// <remarks>
/// A row's draws come first, then its pixels: the draws into a buffer, scaled to deltas and laid out
/// as the row's samples (an alpha sample's delta is 0, which leaves it as it is), and then added to
/// the samples, a vector of them at a time. Every step is exact or one correctly rounded operation
/// per lane (no fused multiply-add, nothing across lanes), so the vectors give the scalar code's bits
/// whatever their width.
/// </remarks>
internal static class GaussNoiseRows
{
    /// <summary>2^52: x + 2^52 holds an integer 0 &lt;= x &lt; 2^52 in its low mantissa bits.</summary>
    private const double TwoTo52 = 4503599627370496.0;

    /// <summary>
    /// Adds the noise to <paramref name="image"/> in place, drawing from <paramref name="noise"/> (the
    /// field stream) and leaving it after the last draw. <paramref name="vectorise"/> false runs the
    /// scalar code only, for tests of the two against each other.
    /// </summary>
    internal static void Apply(ImageBuffer image, RandomStream noise, double mean, double standardDeviation, bool perChannel, bool vectorise = true)
    {
        var max = image.DepthBits == 16 ? 65535.0 : 255.0;
        var channels = image.Channels;
        var colour = channels == 4 ? 3 : channels;
        var samples = image.Width * channels;
        var drawn = image.Width * (perChannel ? colour : 1);

        // Drawn in place when the draws are the samples' deltas one for one (gray, or three channels
        // drawn separately), otherwise into a second buffer and spread out.
        var inPlace = drawn == samples;
        var buffer = ArrayPool<double>.Shared.Rent(samples + (inPlace ? 0 : drawn));
        try
        {
            var deltas = buffer.AsSpan(0, samples);
            var draws = inPlace ? deltas : buffer.AsSpan(samples, drawn);
            deltas.Clear(); // alpha's deltas: 0 throughout
            for (var y = 0; y < image.Height; y++)
            {
                FieldNormal.Fill(ref noise.Generator, draws);
                Scale(draws, mean, standardDeviation, max, vectorise);
                if (!inPlace)
                {
                    Spread(draws, deltas, channels, colour, perChannel);
                }

                if (image.DepthBits == 16)
                {
                    AddRow(MemoryMarshal.Cast<byte, ushort>(image.Row(y)), deltas, max, vectorise);
                }
                else
                {
                    AddRow(image.Row(y), deltas, max, vectorise);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    // z to (mean + sd * z) * max: a product, a sum and a product, each rounded once, lane by lane.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private static void Scale(Span<double> values, double mean, double sd, double max, bool vectorise)
    {
        var i = 0;
        if (vectorise && Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var (m, s, top) = (new Vector<double>(mean), new Vector<double>(sd), new Vector<double>(max));
            for (var k = 0; k < vectors.Length; k++)
            {
                vectors[k] = (m + (s * vectors[k])) * top;
            }

            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            values[i] = (mean + (sd * values[i])) * max;
        }
    }

    // A pixel's draws (one per colour channel, or one shared) to its colour samples; alpha's stay 0.
    private static void Spread(ReadOnlySpan<double> draws, Span<double> deltas, int channels, int colour, bool perChannel)
    {
        var pixels = deltas.Length / channels;
        for (var x = 0; x < pixels; x++)
        {
            var samples = deltas.Slice(x * channels, colour);
            if (perChannel)
            {
                draws.Slice(x * colour, colour).CopyTo(samples);
            }
            else
            {
                samples.Fill(draws[x]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private static void AddRow<T>(Span<T> row, ReadOnlySpan<double> deltas, double max, bool vectorise)
        where T : unmanaged
    {
        var x = 0;
        if (vectorise && Vector128.IsHardwareAccelerated)
        {
            ref var sample = ref MemoryMarshal.GetReference(row);
            ref var delta = ref MemoryMarshal.GetReference(deltas);
            var top = Vector128.Create(max);
            for (; x + 8 <= row.Length; x += 8)
            {
                ref var at = ref Unsafe.Add(ref sample, x);
                if (typeof(T) == typeof(byte))
                {
                    var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<T, byte>(ref at))).AsByte();
                    var result = AddEight(Vector128.WidenLower(bytes), ref Unsafe.Add(ref delta, x), top);
                    Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref at), Vector128.Narrow(result, result).AsUInt64().ToScalar());
                }
                else
                {
                    ref var words = ref Unsafe.As<T, ushort>(ref at);
                    AddEight(Vector128.LoadUnsafe(ref words), ref Unsafe.Add(ref delta, x), top).StoreUnsafe(ref words);
                }
            }
        }

        for (; x < row.Length; x++)
        {
            if (typeof(T) == typeof(byte))
            {
                ref var value = ref Unsafe.As<T, byte>(ref row[x]);
                value = (byte)RoundClamp(value + deltas[x], max);
            }
            else
            {
                ref var value = ref Unsafe.As<T, ushort>(ref row[x]);
                value = (ushort)RoundClamp(value + deltas[x], max);
            }
        }
    }

    // clamp(round half away from zero(v), 0, max), as: clamp first (NaN to 0), then truncate, and step
    // up when the exact remainder v - t is at least a half. For a v in [0, max] that is the rounding,
    // and it stays in [0, max]; a v beyond either end gives that end either way. Exact for any double.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double RoundClamp(double v, double max)
    {
        v = v >= 0.0 ? v : 0.0;
        v = v <= max ? v : max;
        var t = Math.Truncate(v);
        return v - t >= 0.5 ? t + 1.0 : t;
    }

    // Eight samples: each widened to a double exactly (the bits of 2^52 + v, less 2^52), RoundClamp lane
    // by lane, and back to an integer through the same 2^52; four lanes at a time where the machine has
    // them, else two.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> AddEight(Vector128<ushort> samples, ref double deltas, Vector128<double> max)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var wide = Vector256.WidenLower(samples.ToVector256Unsafe());
            var top = Vector256.Create(max.ToScalar());
            var r0 = RoundClamp(ToDouble(Vector256.WidenLower(wide)) + Vector256.LoadUnsafe(ref deltas), top);
            var r1 = RoundClamp(ToDouble(Vector256.WidenUpper(wide)) + Vector256.LoadUnsafe(ref deltas, 4), top);
            var words = Vector256.Narrow(ToInteger(r0), ToInteger(r1));
            return Vector128.Narrow(words.GetLower(), words.GetUpper());
        }

        var (low, high) = Vector128.Widen(samples);
        var (a, b) = Vector128.Widen(low);
        var (c, d) = Vector128.Widen(high);
        var s0 = RoundClamp(ToDouble(a) + Vector128.LoadUnsafe(ref deltas), max);
        var s1 = RoundClamp(ToDouble(b) + Vector128.LoadUnsafe(ref deltas, 2), max);
        var s2 = RoundClamp(ToDouble(c) + Vector128.LoadUnsafe(ref deltas, 4), max);
        var s3 = RoundClamp(ToDouble(d) + Vector128.LoadUnsafe(ref deltas, 6), max);
        return Vector128.Narrow(
            Vector128.Narrow(ToInteger(s0), ToInteger(s1)),
            Vector128.Narrow(ToInteger(s2), ToInteger(s3)));
    }

    // RoundClamp's steps lane by lane (NaN fails both comparisons, as in the scalar code).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> RoundClamp(Vector128<double> v, Vector128<double> max)
    {
        v = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(v, Vector128<double>.Zero), v, Vector128<double>.Zero);
        v = Vector128.ConditionalSelect(Vector128.LessThanOrEqual(v, max), v, max);
        var t = Vector128.Truncate(v);
        return t + (Vector128.Create(1.0) & Vector128.GreaterThanOrEqual(v - t, Vector128.Create(0.5)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> RoundClamp(Vector256<double> v, Vector256<double> max)
    {
        v = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(v, Vector256<double>.Zero), v, Vector256<double>.Zero);
        v = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(v, max), v, max);
        var t = Vector256.Truncate(v);
        return t + (Vector256.Create(1.0) & Vector256.GreaterThanOrEqual(v - t, Vector256.Create(0.5)));
    }

    // A sample (below 2^52) as a double: 2^52 with the sample in its low mantissa bits, less 2^52.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ToDouble(Vector128<ulong> v) =>
        (v | Vector128.Create(TwoTo52).AsUInt64()).AsDouble() - Vector128.Create(TwoTo52);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ToDouble(Vector256<ulong> v) =>
        (v | Vector256.Create(TwoTo52).AsUInt64()).AsDouble() - Vector256.Create(TwoTo52);

    // An integral r in [0, max] back: the low bits of r + 2^52, which the narrowing keeps.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> ToInteger(Vector128<double> r) => (r + Vector128.Create(TwoTo52)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> ToInteger(Vector256<double> r) => (r + Vector256.Create(TwoTo52)).AsUInt64();
}
