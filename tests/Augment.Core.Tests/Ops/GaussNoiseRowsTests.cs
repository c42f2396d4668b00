using Augment.Core.Imaging;
using Augment.Core.Ops.Pixel;
using Augment.Core.Randomness;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Ops;

/// <summary>
/// GaussNoise's pixel loop (GaussNoiseRows) runs a vector of samples at a time; it must give the scalar
/// code's pixels and leave the field stream where the scalar code leaves it, and both must be the
/// noise the definition gives, drawn one by one.
/// </summary>
public sealed class GaussNoiseRowsTests
{
    private static readonly (double Mean, double Sd)[] Settings =
        [(0.0, 0.05), (0.2, 0.3), (-0.7, 0.01), (0.0, 2.5), (3.0, 1e6), (0.0, 0.0), (-1.0, 1.0)];

    [Theory]
    [InlineData(8, 1, 1)]
    [InlineData(8, 1, 7)]
    [InlineData(8, 1, 8)]
    [InlineData(8, 1, 9)]
    [InlineData(8, 1, 17)]
    [InlineData(8, 1, 131)]
    [InlineData(8, 3, 5)]
    [InlineData(8, 3, 67)]
    [InlineData(8, 4, 3)]
    [InlineData(8, 4, 67)]
    [InlineData(16, 1, 1)]
    [InlineData(16, 1, 15)]
    [InlineData(16, 1, 64)]
    [InlineData(16, 1, 131)]
    [InlineData(16, 3, 9)]
    [InlineData(16, 3, 67)]
    [InlineData(16, 4, 1)]
    [InlineData(16, 4, 67)]
    public void Vector_rows_give_the_scalar_pixels_and_stream(int depthBits, int channels, int width)
    {
        var max = (1 << depthBits) - 1;
        foreach (var perChannel in new[] { true, false })
        {
            foreach (var (mean, sd) in Settings)
            {
                using var original = SyntheticImages.Random(width, 23, depthBits, channels, seed: width);
                using var vectorised = original.Clone();
                using var scalar = original.Clone();
                var a = RandomStream.ForField(1234);
                var b = RandomStream.ForField(1234);

                GaussNoiseRows.Apply(vectorised, a, mean, sd, perChannel);
                GaussNoiseRows.Apply(scalar, b, mean, sd, perChannel, vectorise: false);

                Assert.Equal(scalar.ToPackedArray(), vectorised.ToPackedArray());
                Assert.Equal(b.NextUInt64(), a.NextUInt64());
                var samples = Samples(scalar);
                if (sd >= 1)
                {
                    // Most values pushed beyond either end: both clamps are exercised.
                    Assert.Contains(0, samples);
                    Assert.Contains(max, samples);
                }
                else if (sd > 0)
                {
                    Assert.NotEqual(original.ToPackedArray(), scalar.ToPackedArray());
                }

                if (channels == 4)
                {
                    var before = Samples(original);
                    for (var i = 3; i < samples.Length; i += 4)
                    {
                        Assert.Equal(before[i], samples[i]);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(8, 1, true)]
    [InlineData(8, 3, true)]
    [InlineData(8, 3, false)]
    [InlineData(8, 4, true)]
    [InlineData(8, 4, false)]
    [InlineData(16, 1, false)]
    [InlineData(16, 3, true)]
    [InlineData(16, 4, false)]
    public void The_noise_is_the_definitions_drawn_one_by_one(int depthBits, int channels, bool perChannel)
    {
        // Row-major, per pixel one draw per colour channel or one shared, delta = (mean + sd * z) * max,
        // v' = clamp(round half away from zero(v + delta), 0, max), alpha as it was.
        const double Mean = 0.01;
        const double Sd = 0.3;
        var max = (1 << depthBits) - 1;
        var colour = channels == 4 ? 3 : channels;
        using var image = SyntheticImages.Random(37, 9, depthBits, channels, seed: 3);
        var samples = Samples(image);
        var draws = RandomStream.ForField(77);
        var expected = new int[samples.Length];
        for (var pixel = 0; pixel < 37 * 9; pixel++)
        {
            var shared = perChannel ? 0 : draws.FieldNormal();
            for (var c = 0; c < channels; c++)
            {
                var i = (pixel * channels) + c;
                if (c == colour)
                {
                    expected[i] = samples[i];
                    continue;
                }

                var delta = (Mean + (Sd * (perChannel ? draws.FieldNormal() : shared))) * max;
                expected[i] = (int)Math.Clamp(Math.Round(samples[i] + delta, MidpointRounding.AwayFromZero), 0, max);
            }
        }

        var next = draws.NextUInt64();

        foreach (var vectorise in new[] { true, false })
        {
            using var noisy = image.Clone();
            var stream = RandomStream.ForField(77);
            GaussNoiseRows.Apply(noisy, stream, Mean, Sd, perChannel, vectorise);

            Assert.Equal(expected, Samples(noisy));
            Assert.Equal(next, stream.NextUInt64());
        }
    }

    [Theory]
    [InlineData(8, 0.5)]
    [InlineData(8, 2.5)]
    [InlineData(8, -1.5)]
    [InlineData(16, 0.5)]
    [InlineData(16, -0.5)]
    [InlineData(16, -3.5)]
    public void Deltas_of_exact_halves_round_away_from_zero(int depthBits, double delta)
    {
        // sd 0: every delta is mean * max, here exactly delta, so every v + delta ends in .5.
        var max = (1 << depthBits) - 1;
        Assert.Equal(delta, delta / max * max);
        foreach (var channels in new[] { 1, 3, 4 })
        {
            foreach (var vectorise in new[] { true, false })
            {
                using var image = SyntheticImages.Random(67, 11, depthBits, channels, seed: 5);
                var before = Samples(image);

                GaussNoiseRows.Apply(image, RandomStream.ForField(1), delta / max, 0, perChannel: true, vectorise);

                var whole = (int)Math.Truncate(delta);
                var expected = before.Select((v, i) => channels == 4 && i % 4 == 3
                    ? v
                    : delta > 0 ? Math.Min(v + whole + 1, max) : (v > -whole ? v + whole : 0)).ToArray();
                Assert.Equal(expected, Samples(image));
            }
        }
    }

    [Fact]
    public void A_shared_draw_moves_a_pixels_colour_channels_alike()
    {
        // Mid-gray, small noise: no clamp, so each pixel's three channels change by the same amount.
        using var image = ImageBuffer.Create(41, 5, 8, 3);
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).Fill(128);
        }

        GaussNoiseRows.Apply(image, RandomStream.ForField(8), 0, 0.05, perChannel: false);

        var samples = Samples(image);
        Assert.True(samples.Distinct().Count() > 5);
        for (var i = 0; i < samples.Length; i += 3)
        {
            Assert.Equal(samples[i], samples[i + 1]);
            Assert.Equal(samples[i], samples[i + 2]);
        }
    }

    private static int[] Samples(ImageBuffer image)
    {
        var bytes = image.ToPackedArray();
        return image.DepthBits == 8
            ? bytes.Select(v => (int)v).ToArray()
            : Enumerable.Range(0, bytes.Length / 2).Select(i => (int)BitConverter.ToUInt16(bytes, 2 * i)).ToArray();
    }
}
