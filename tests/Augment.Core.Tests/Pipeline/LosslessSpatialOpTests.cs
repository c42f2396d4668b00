using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// Flips, transposes and quarter turns move pixels without resampling: the output is exactly the
/// input's pixels rearranged, compared with a permutation written here in C# (numpy's conventions:
/// rot90 turns counter-clockwise as seen). Non-square images, so that swapped axes show.
/// </summary>
public sealed class LosslessSpatialOpTests
{
    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var op in new[] { "HorizontalFlip", "VerticalFlip", "Transpose" })
            {
                data.Add(op, 0);
            }

            for (var factor = 0; factor < 4; factor++)
            {
                data.Add("RandomRotate90", factor);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_the_reference_permutation_of_the_input(string op, int factor)
    {
        var pipeline = PipelineTestKit.Pipeline($"- {op}: {{ p: 1 }}");
        OpRecord[] records = [new("0", op, true, op == "RandomRotate90" ? new RandomRotate90Params(factor) : NoParams.Instance)];
        using var coins = PipelineTestKit.Load("coins.png");
        using var coinsMask = PipelineTestKit.Load("coins_mask.png");
        using var random8 = SyntheticImages.Random(37, 23, 8, 3);
        using var random16 = SyntheticImages.Random(29, 41, 16, 4);

        foreach (var (image, mask) in new[] { (coins, coinsMask), (random8, null), (random16, null) })
        {
            using var result = mask is null
                ? PipelineTestKit.Render(pipeline, records, image)
                : PipelineTestKit.Render(pipeline, records, image, 255, mask);

            AssertPermutation(image, result.Image, op, factor);
            if (mask is not null)
            {
                AssertPermutation(mask, result.Masks[0], op, factor);
            }
        }
    }

    public static TheoryData<string> Symmetries => new(SquareSymmetry.Elements);

    [Theory]
    [MemberData(nameof(Symmetries))]
    public void Each_square_symmetry_is_its_reference_permutation_on_square_and_other_images(string element)
    {
        OpRecord[] records = [new("0", "SquareSymmetry", true, new SquareSymmetryParams(element))];
        var pipeline = PipelineTestKit.Pipeline("- SquareSymmetry: { p: 1 }");
        using var coins = PipelineTestKit.Load("coins.png");
        using var coinsMask = PipelineTestKit.Load("coins_mask.png");
        using var square = SyntheticImages.Random(31, 31, 8, 3);
        using var random16 = SyntheticImages.Random(29, 41, 16, 4);

        foreach (var (image, mask) in new[] { (coins, coinsMask), (square, null), (random16, null) })
        {
            using var result = mask is null ? PipelineTestKit.Render(pipeline, records, image) : PipelineTestKit.Render(pipeline, records, image, 255, mask);

            AssertPermutation(image, result.Image, "SquareSymmetry:" + element, 0);
            if (mask is not null)
            {
                AssertPermutation(mask, result.Masks[0], "SquareSymmetry:" + element, 0);
            }
        }
    }

    [Fact]
    public void Square_symmetry_draws_each_of_its_eight_elements_about_as_often_and_d4_the_same()
    {
        var info = new ImageInfo(40, 30, 3, 8);
        foreach (var op in new[] { "SquareSymmetry", "D4" })
        {
            var pipeline = PipelineTestKit.Pipeline($"- {op}: {{ p: 1 }}");
            var counts = Enumerable.Range(0, 4000)
                .Select(i => ((SquareSymmetryParams)Assert.Single(PipelineSampler.Sample(pipeline, ItemSeed.Derive(9, $"images/{i}.png", 0), info)).Params!).Element)
                .GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());

            Assert.Equal(SquareSymmetry.Elements.Order(), counts.Keys.Order());
            Assert.All(counts.Values, n => Assert.InRange(n, 400, 600)); // 500 expected; 4 standard deviations either side
        }
    }

    [Fact]
    public void Rotate_by_90_degrees_on_a_square_image_equals_one_counter_clockwise_quarter_turn()
    {
        // Rotate and RandomRotate90 must agree on the direction; on a square image Rotate(90) about the
        // centre is a pure permutation (cos 90 is snapped to 0), so even with bilinear it is exact.
        using var square = SyntheticImages.Random(33, 33, 8, 3);
        var rotate = PipelineTestKit.Pipeline("- Rotate: { limit: [90, 90], interpolation: linear, p: 1 }");
        var quarter = PipelineTestKit.Pipeline("- RandomRotate90: { p: 1 }");

        using var rotated = PipelineTestKit.Render(rotate, PipelineTestKit.Sample(rotate, square), square);
        using var turned = PipelineTestKit.Render(quarter, [new("0", "RandomRotate90", true, new RandomRotate90Params(1))], square);

        Assert.Equal(turned.Image.ToPackedArray(), rotated.Image.ToPackedArray());
        AssertPermutation(square, rotated.Image, "RandomRotate90", 1);
    }

    [Theory]
    [InlineData("nearest")]
    [InlineData("linear")]
    [InlineData("cubic")]
    [InlineData("area")]
    [InlineData("lanczos4")]
    public void Rotate_by_180_degrees_is_an_exact_half_turn_whatever_the_interpolation(string interpolation)
    {
        // About the centre ((w - 1) / 2, (h - 1) / 2) a half turn maps whole pixels onto whole pixels,
        // even on a non-square image; every kernel is exact at whole-pixel positions.
        using var image = SyntheticImages.Random(37, 23, 8, 3);
        var pipeline = PipelineTestKit.Pipeline($"- Rotate: {{ limit: [180, 180], interpolation: {interpolation}, p: 1 }}");

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, image), image);

        AssertPermutation(image, result.Image, "RandomRotate90", 2);
    }

    [Fact]
    public void Combined_lossless_ops_stay_an_exact_permutation()
    {
        // Transpose then HorizontalFlip is a clockwise quarter turn: factor 3.
        using var image = SyntheticImages.Random(37, 23, 8, 4);
        var pipeline = PipelineTestKit.Pipeline("- Transpose: { p: 1 }\n- HorizontalFlip: { p: 1 }");

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, image), image);

        Assert.Equal(1, result.Passes);
        AssertPermutation(image, result.Image, "RandomRotate90", 3);
    }

    private static void AssertPermutation(ImageBuffer input, ImageBuffer output, string op, int factor)
    {
        var (w, h) = (input.Width, input.Height);
        var swapsAxes = op is "Transpose" or "SquareSymmetry:r90" or "SquareSymmetry:r270" or "SquareSymmetry:t" or "SquareSymmetry:hvt" || (op == "RandomRotate90" && factor % 2 == 1);
        var (ow, oh) = swapsAxes ? (h, w) : (w, h);
        Assert.Equal((ow, oh, input.Channels, input.DepthBits), (output.Width, output.Height, output.Channels, output.DepthBits));

        var bpp = input.BytesPerPixel;
        var expected = new byte[ow * oh * bpp];
        for (var y = 0; y < oh; y++)
        {
            for (var x = 0; x < ow; x++)
            {
                // The input pixel that lands on output (x, y).
                var (sx, sy) = op switch
                {
                    "HorizontalFlip" => (w - 1 - x, y),
                    "VerticalFlip" => (x, h - 1 - y),
                    "Transpose" => (y, x),
                    // Albumentations' d4: e, rot90(a, k), a[::-1], a[:, ::-1], a.T and rot90(a, 2).T.
                    "SquareSymmetry:e" => (x, y),
                    "SquareSymmetry:r90" => (w - 1 - y, x),
                    "SquareSymmetry:r180" => (w - 1 - x, h - 1 - y),
                    "SquareSymmetry:r270" => (y, h - 1 - x),
                    "SquareSymmetry:v" => (x, h - 1 - y),
                    "SquareSymmetry:h" => (w - 1 - x, y),
                    "SquareSymmetry:t" => (y, x),
                    "SquareSymmetry:hvt" => (w - 1 - y, h - 1 - x),
                    _ => factor switch
                    {
                        0 => (x, y),
                        1 => (w - 1 - y, x), // np.rot90(a, 1)[y, x] == a[x, w - 1 - y]
                        2 => (w - 1 - x, h - 1 - y),
                        _ => (y, h - 1 - x), // np.rot90(a, 3)[y, x] == a[h - 1 - x, y]
                    },
                };
                input.Row(sy).Slice(sx * bpp, bpp).CopyTo(expected.AsSpan(((y * ow) + x) * bpp, bpp));
            }
        }

        Assert.Equal(expected, output.ToPackedArray());
    }
}
