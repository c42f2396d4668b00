
namespace Augment.Core.Tests.Interop;

/// <summary>
/// HueSaturationValue's per-pixel step runs four pixels at a time where it can (colour.cpp); it must
/// give the scalar code's values to the bit, edge values included, or outputs would change.
/// </summary>
public sealed class HsvShiftPixelsTests
{
    private static readonly float[] EdgeHues = [0f, -0f, 360f, 359.99997f, 180f, 1e-6f];
    private static readonly float[] EdgeLevels = [0f, -0f, 1f, 0.99999994f, 1.0000001f, 1e-8f, -1e-8f, float.NaN];

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

            var hue = (trial % 5) switch
            {
                0 => 360.0 - pixels[0], // a hue that lands exactly on 360 before it wraps
                1 => random.Next(-359, 360), // whole degrees, as 2 x HueSaturationValue's steps often are
                _ => (random.NextDouble() * 719.998) - 359.999,
            };
            var (saturation, value) = ((random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1);

            var scalar = (float[])pixels.Clone();
            Augment.Core.Ops.Pixel.HsvShiftPixels.Shift(scalar, hue, saturation, value, vectorise: false);
            Augment.Core.Ops.Pixel.HsvShiftPixels.Shift(pixels, hue, saturation, value, vectorise: true);

            for (var i = 0; i < pixels.Length; i++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(pixels[i]) == BitConverter.SingleToInt32Bits(scalar[i]),
                    $"trial {trial}, sample {i}: vectorised {pixels[i]:R}, scalar {scalar[i]:R} (shifts {hue:R}, {saturation:R}, {value:R})");
            }

            compared += pixels.Length;
        }

        Assert.True(compared > 100_000, $"only {compared} samples compared");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_step_wraps_hue_and_clips_saturation_and_value(bool vectorise)
    {
        // Five pixels, so that the vectorised run does four and the scalar code the fifth.
        float[] pixels = [350f, 0.9f, 0.1f, 10f, 0.5f, 0.5f, 0f, 0f, 1f, 359.5f, 0.25f, 0.75f, 340f, 0.95f, 0.2f];

        Augment.Core.Ops.Pixel.HsvShiftPixels.Shift(pixels, 20, 0.2, -0.3, vectorise);

        float[] expected = [10f, 1f, 0f, 30f, 0.7f, 0.2f, 20f, 0.2f, 0.7f, 19.5f, 0.45f, 0.45f, 0f, 1f, 0f];
        for (var i = 0; i < pixels.Length; i++)
        {
            Assert.True(Math.Abs(pixels[i] - expected[i]) < 1e-5, $"sample {i}: {pixels[i]:R}, expected {expected[i]}");
        }
    }
}
