using System.Globalization;
using Augment.Core.Imaging;
using Augment.Core.Tests.Pipeline;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// PRODUCT.md section 5's check of fusion: Rotate(+t) then Rotate(-t) leaves the interior of the image
/// unchanged, byte for byte, because the two rotations compose to the identity before any pixel is
/// resampled. One pass per op would blur it (see <see cref="SpatialFusionTests"/> for how much).
/// </summary>
public sealed class RotateRoundTripTests
{
    public static TheoryData<string, double, string> Cases => new()
    {
        { "coins.png", 5, "linear" },
        { "coins.png", 17.3, "linear" },
        { "coins.png", -61.25, "cubic" },
        { "astronaut.png", 33, "linear" },
        { "astronaut.png", 90, "lanczos4" },
        { "horse.png", 123.4, "linear" },
        { "chelsea.png", -179.9, "cubic" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rotating_by_t_then_minus_t_reproduces_the_interior_exactly(string sample, double t, string interpolation)
    {
        using var source = PipelineTestKit.Load(sample);
        var pipeline = PipelineTestKit.Pipeline(
            $"- Rotate: {{ limit: [{Text(t)}, {Text(t)}], interpolation: {interpolation}, p: 1 }}\n" +
            $"- Rotate: {{ limit: [{Text(-t)}, {Text(-t)}], interpolation: {interpolation}, p: 1 }}");
        var records = PipelineTestKit.Sample(pipeline, source);

        using var result = PipelineTestKit.Render(pipeline, records, source);

        // The contract is at most one pass for the run; the engine in fact sees that the run composes to
        // the identity and resamples nothing (0 passes), which is also exact.
        Assert.InRange(result.Passes, 0, 1);
        AssertInteriorEqual(source, result.Image, shiftX: 0, shiftY: 0);
    }

    [Theory]
    [InlineData("coins.png", 17.3, "linear")]
    [InlineData("astronaut.png", 41, "cubic")]
    [InlineData("horse.png", -75.5, "linear")]
    public void The_round_trip_stays_exact_when_fused_with_a_whole_pixel_shift_into_one_real_pass(string sample, double t, string interpolation)
    {
        // The shift keeps the run from being the identity, so the image really goes through one warp;
        // the composed matrix is an integer translation, which bilinear and cubic reproduce exactly.
        using var source = PipelineTestKit.Load(sample);
        var pipeline = PipelineTestKit.Pipeline(
            $"- Rotate: {{ limit: [{Text(t)}, {Text(t)}], interpolation: {interpolation}, p: 1 }}\n" +
            $"- Rotate: {{ limit: [{Text(-t)}, {Text(-t)}], interpolation: {interpolation}, p: 1 }}\n" +
            "- Affine: { translate_px: [7, 7], interpolation: linear, p: 1 }");
        var records = PipelineTestKit.Sample(pipeline, source);

        using var result = PipelineTestKit.Render(pipeline, records, source);

        Assert.Equal(1, result.Passes);
        AssertInteriorEqual(source, result.Image, shiftX: 7, shiftY: 7);
    }

    [Fact]
    public void A_pixel_op_between_the_rotations_splits_the_run_and_the_round_trip_is_no_longer_exact()
    {
        // The control for the tests above: RandomBrightnessContrast with zero limits changes no value but
        // still ends the run, so each rotation resamples on its own; the interior then differs.
        using var source = PipelineTestKit.Load("coins.png");
        var pipeline = PipelineTestKit.Pipeline(
            "- Rotate: { limit: [17.3, 17.3], p: 1 }\n" +
            "- RandomBrightnessContrast: { brightness_limit: 0, contrast_limit: 0, p: 1 }\n" +
            "- Rotate: { limit: [-17.3, -17.3], p: 1 }");
        var records = PipelineTestKit.Sample(pipeline, source);

        using var result = PipelineTestKit.Render(pipeline, records, source);

        Assert.Equal(2, result.Passes);
        var differing = InteriorPixels(source).Count(p => source.Row(p.Y)[p.X] != result.Image.Row(p.Y)[p.X]);
        Assert.True(differing > InteriorPixels(source).Count() / 4, $"only {differing} interior pixels changed after two resampling passes");
    }

    private static void AssertInteriorEqual(ImageBuffer source, ImageBuffer output, int shiftX, int shiftY)
    {
        Assert.Equal((source.Width, source.Height, source.Channels, source.DepthBits), (output.Width, output.Height, output.Channels, output.DepthBits));
        var bpp = source.BytesPerPixel;
        var checkedPixels = 0;
        foreach (var (x, y) in InteriorPixels(source))
        {
            if (x + shiftX >= source.Width || y + shiftY >= source.Height)
            {
                continue;
            }

            var expected = source.Row(y).Slice(x * bpp, bpp);
            var actual = output.Row(y + shiftY).Slice((x + shiftX) * bpp, bpp);
            if (!expected.SequenceEqual(actual))
            {
                Assert.Fail($"source pixel ({x}, {y}) differs in the output at ({x + shiftX}, {y + shiftY})");
            }

            checkedPixels++;
        }

        Assert.True(checkedPixels > source.Width * source.Height / 2, $"only {checkedPixels} pixels were compared");
    }

    // The disc around the centre that any rotation keeps inside the image, less a 2-pixel margin.
    private static IEnumerable<(int X, int Y)> InteriorPixels(ImageBuffer image)
    {
        var (cx, cy) = ((image.Width - 1) / 2.0, (image.Height - 1) / 2.0);
        var radius = (Math.Min(image.Width, image.Height) / 2.0) - 2;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius)
                {
                    yield return (x, y);
                }
            }
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
