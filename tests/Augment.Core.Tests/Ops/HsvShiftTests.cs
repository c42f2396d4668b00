using Augment.Core.Imaging;
using Augment.Core.Ops.Pixel;

namespace Augment.Core.Tests.Ops;

/// <summary>
/// HueSaturationValue's per-pixel step (<see cref="HsvShiftPixels"/>) runs many pixels at a time
/// where it can; it must give the scalar code's values to the bit at every vector width, edge
/// values included, and the values the shim's colour.cpp gave.
/// </summary>
public sealed class HsvShiftTests
{
    private static readonly float[] EdgeHues = [0f, -0f, 360f, 359.99997f, 180f, 1e-6f, float.NaN];
    private static readonly float[] EdgeLevels = [0f, -0f, 1f, 0.99999994f, 1.0000001f, 1e-8f, -1e-8f, float.NaN, float.PositiveInfinity, float.NegativeInfinity];
    private static readonly double[] EdgeShifts = [0.0, -0.0, 359.99999, -359.99999, 360, -360, 720, -720, 1000.5, double.NaN];

    [Fact]
    public void Vectorised_and_scalar_steps_give_the_same_bits()
    {
        var random = new Random(6);
        var compared = 0;
        for (var trial = 0; trial < 3000; trial++)
        {
            var pixels = new float[3 * random.Next(1, 68)];
            for (var i = 0; i < pixels.Length; i += 3)
            {
                pixels[i] = random.Next(6) == 0 ? EdgeHues[random.Next(EdgeHues.Length)] : (float)(random.NextDouble() * 360);
                pixels[i + 1] = random.Next(6) == 0 ? EdgeLevels[random.Next(EdgeLevels.Length)] : random.NextSingle();
                pixels[i + 2] = random.Next(6) == 0 ? EdgeLevels[random.Next(EdgeLevels.Length)] : random.NextSingle();
            }

            var hue = (trial % 6) switch
            {
                0 => 360.0 - pixels[0], // a hue that lands exactly on 360 before it wraps
                1 => random.Next(-359, 360), // whole degrees, as 2 x HueSaturationValue's steps often are
                2 => EdgeShifts[random.Next(EdgeShifts.Length)],
                _ => (random.NextDouble() * 719.998) - 359.999,
            };
            var (saturation, value) = trial % 7 == 0
                ? (EdgeShifts[random.Next(EdgeShifts.Length)] / 360, -EdgeShifts[random.Next(EdgeShifts.Length)] / 360)
                : ((random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1);

            var scalar = (float[])pixels.Clone();
            HsvShiftPixels.Shift(scalar, hue, saturation, value, vectorise: false);
            foreach (var vectors in new[] { VectorWidth.Bits128, VectorWidth.Bits256, VectorWidths.Best })
            {
                var vectorised = (float[])pixels.Clone();
                HsvShiftPixels.Shift(vectorised, hue, saturation, value, vectors);
                for (var i = 0; i < pixels.Length; i++)
                {
                    Assert.True(
                        BitConverter.SingleToInt32Bits(vectorised[i]) == BitConverter.SingleToInt32Bits(scalar[i]),
                        $"trial {trial}, {vectors}, sample {i}: vectorised {vectorised[i]:R}, scalar {scalar[i]:R} (shifts {hue:R}, {saturation:R}, {value:R})");
                }

                compared += pixels.Length;
            }
        }

        Assert.True(compared > 300_000, $"only {compared} samples compared");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(128)]
    [InlineData(256)]
    public void The_step_wraps_hue_and_clips_saturation_and_value(int bits)
    {
        var vectors = (VectorWidth)bits;

        // Five pixels, so that a vector of four does four and the scalar code the fifth; nine, so
        // that a vector of eight does eight.
        float[] pixels = [350f, 0.9f, 0.1f, 10f, 0.5f, 0.5f, 0f, 0f, 1f, 359.5f, 0.25f, 0.75f, 340f, 0.95f, 0.2f];
        float[] expected = [10f, 1f, 0f, 30f, 0.7f, 0.2f, 20f, 0.2f, 0.7f, 19.5f, 0.45f, 0.45f, 0f, 1f, 0f];
        pixels = [.. pixels, .. pixels[..12]];
        expected = [.. expected, .. expected[..12]];

        HsvShiftPixels.Shift(pixels, 20, 0.2, -0.3, vectors);

        for (var i = 0; i < pixels.Length; i++)
        {
            Assert.True(Math.Abs(pixels[i] - expected[i]) < 1e-5, $"sample {i}: {pixels[i]:R}, expected {expected[i]}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(128)]
    [InlineData(256)]
    public void Edge_values_come_out_as_the_shim_gave_them(int bits)
    {
        var vectors = (VectorWidth)bits;

        // (hue, saturation, value) in, shifts, the triple out: signed zeros, a hue that rounds up to
        // 360 after its wrap, shifts of a whole turn and beyond (fmod), NaN and infinities.
        (float[] In, double Hue, double Saturation, double Value, float[] Out)[] cases =
        [
            ([-0f, -0f, -0f], -0.0, -0.0, 0.0, [-0f, 0f, 0f]),
            ([-0f, 0.5f, 0.5f], 0.0, 0.0, 0.0, [0f, 0.5f, 0.5f]),
            ([360f, 1.0000001f, 0.99999994f], 0.0, 0.0, 0.0, [0f, 1f, 0.99999994f]),
            ([0f, 0.25f, 0.75f], -1e-9, 0.0, 0.0, [360f, 0.25f, 0.75f]),
            ([10f, float.NaN, float.PositiveInfinity], 360.0, 0.0, 0.0, [10f, 0f, 1f]),
            ([360f, 0.5f, 0.5f], 360.0, double.PositiveInfinity, double.NegativeInfinity, [0f, 1f, 0f]),
            ([10f, 0.5f, 0.5f], -360.0, 0.0, 0.0, [10f, 0.5f, 0.5f]),
            ([0f, 0.5f, 0.5f], -360.0, 0.0, 0.0, [-0f, 0.5f, 0.5f]),
            ([5f, 0.5f, 0.5f], 720.0, 0.0, 0.0, [5f, 0.5f, 0.5f]),
            ([float.NaN, 0.5f, 0.5f], 20.0, 0.1, 0.1, [float.NaN, 0.6f, 0.6f]),
            ([20f, 0.5f, 0.5f], double.NaN, double.NaN, 0.0, [float.NaN, 0f, 0.5f]),
        ];
        foreach (var (input, hue, saturation, value, output) in cases)
        {
            // Nine copies, so that every vector width takes some of them in a vector.
            float[] pixels = [.. Enumerable.Repeat(input, 9).SelectMany(p => p)];
            HsvShiftPixels.Shift(pixels, hue, saturation, value, vectors);
            for (var i = 0; i < pixels.Length; i++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(pixels[i]) == BitConverter.SingleToInt32Bits(output[i % 3]),
                    $"({string.Join(", ", input)}) shifted by ({hue}, {saturation}, {value}): sample {i} is {pixels[i]:R}, expected {output[i % 3]:R}");
            }
        }
    }

    [Fact]
    public void A_span_of_incomplete_triples_is_refused() =>
        Assert.Throws<ArgumentException>(() => HsvShiftPixels.Shift(new float[4], 10, 0, 0, vectorise: true));
}
