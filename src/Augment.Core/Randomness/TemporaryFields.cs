using Augment.Core.Imaging;

namespace Augment.Core.Randomness;

// TEMPORARY scalar port of random.hpp/noise.cpp, replaced by the helper's vectorised code before commit.
internal static class TemporaryFields
{
    private const double R0 = 3.442619855899;
    private const double V = 9.91256303526217e-3;
    private static readonly double[] X = new double[129];
    private static readonly double[] R = new double[128];

    static TemporaryFields()
    {
        var f = Math.Exp(-0.5 * R0 * R0);
        X[0] = V / f;
        X[1] = R0;
        X[128] = 0.0;
        for (var i = 2; i < 128; ++i)
        {
            X[i] = Math.Sqrt(-2.0 * Math.Log((V / X[i - 1]) + f));
            f = Math.Exp(-0.5 * X[i] * X[i]);
        }

        for (var i = 0; i < 128; ++i)
        {
            R[i] = X[i + 1] / X[i];
        }
    }

    public static void Fill(RandomStream stream, Span<float> values, bool gaussian)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = gaussian ? (float)Normal(stream) : (float)stream.Uniform(-1.0, 1.0);
        }
    }

    public static double Normal(RandomStream rng)
    {
        var bits = rng.NextUInt64();
        var layer = (int)(bits & 0x7F);
        var u = (2.0 * ((bits >> 11) * (1.0 / 9007199254740992.0))) - 1.0;
        if (Math.Abs(u) < R[layer])
        {
            return u * X[layer];
        }

        for (;;)
        {
            if (layer == 0)
            {
                return Tail(rng, u < 0);
            }

            var x = u * X[layer];
            var f0 = Math.Exp(-0.5 * ((X[layer] * X[layer]) - (x * x)));
            var f1 = Math.Exp(-0.5 * ((X[layer + 1] * X[layer + 1]) - (x * x)));
            if (f1 + (rng.NextDouble() * (f0 - f1)) < 1.0)
            {
                return x;
            }

            bits = rng.NextUInt64();
            layer = (int)(bits & 0x7F);
            u = (2.0 * ((bits >> 11) * (1.0 / 9007199254740992.0))) - 1.0;
            if (Math.Abs(u) < R[layer])
            {
                return u * X[layer];
            }
        }
    }

    private static double Tail(RandomStream rng, bool negative)
    {
        double x;
        double y;
        do
        {
            x = Math.Log(1.0 - rng.NextDouble()) / R0;
            y = Math.Log(1.0 - rng.NextDouble());
        }
        while (-2.0 * y < x * x);
        return negative ? x - R0 : R0 - x;
    }

    public static void GaussNoise(ImageBuffer image, RandomStream rng, double mean, double sd, bool perChannel)
    {
        var max = image.DepthBits == 16 ? 65535.0 : 255.0;
        var channels = image.Channels;
        var colour = channels == 4 ? 3 : channels;
        var perPixel = perChannel ? colour : 1;
        var deltas = new double[image.Width * perPixel];
        for (var y = 0; y < image.Height; y++)
        {
            for (var i = 0; i < deltas.Length; i++)
            {
                deltas[i] = (mean + (sd * Normal(rng))) * max;
            }

            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                for (var c = 0; c < colour; c++)
                {
                    var index = (x * channels) + c;
                    double v = image.DepthBits == 16 ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(row)[index] : row[index];
                    var value = RoundHalfAway(v + deltas[(x * perPixel) + (perChannel ? c : 0)]);
                    value = Math.Min(Math.Max(value, 0.0), max);
                    if (image.DepthBits == 16)
                    {
                        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(row)[index] = (ushort)value;
                    }
                    else
                    {
                        row[index] = (byte)value;
                    }
                }
            }
        }
    }

    private static double RoundHalfAway(double v)
    {
        var t = (double)(long)v;
        var rest = v - t;
        return t + (rest >= 0.5 ? 1.0 : 0.0) - (rest <= -0.5 ? 1.0 : 0.0);
    }
}
