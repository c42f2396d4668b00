using Augment.Core.Config;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using Augment.Core.Tests.OpsTests.Definitions;
using Augment.Core.Tests.Pipeline;
using Augment.GoldenImages;

namespace Augment.Core.Tests.OpsTests;

/// <summary>
/// Op behaviour that was once wrong; the comment above each test says what used to happen. Do not
/// change an expectation to make one pass.
/// </summary>
public sealed class OpRegressionTests
{
    // Was: AUG2007 at the '[': "RandomResizedCrop.size is [640, 480]; low must not exceed high".
    // size is [height, width], not a range, but it is declared as a RangeParam, so every portrait
    // output size (height > width) is rejected.
    [Fact]
    public void RandomResizedCrop_takes_a_portrait_size()
    {
        OpDefinitionAssert.Binds("RandomResizedCrop", "{ size: [640, 480] }", "{'interpolation':'linear','p':1.0,'ratio':[0.75,1.3333333333333333],'scale':[0.08,1.0],'size':[640,480]}");
    }

    // Was: AUG2007 "CLAHE.tile_grid_size is [8, 4]; low must not exceed high". tile_grid_size is
    // [rows, columns], declared as a RangeParam, so more rows than columns is rejected.
    [Fact]
    public void CLAHE_takes_more_tile_rows_than_columns()
    {
        OpDefinitionAssert.Binds("CLAHE", "{ tile_grid_size: [8, 4] }", "{'clip_limit':[1.0,4.0],'p':0.5,'tile_grid_size':[8,4]}");
    }

    // Was: accepted and truncated: num_bits 3.5 binds to [3, 3], blur_limit 5.5 to [5, 5].
    // RangeParam reads a single number with reader.Number even when the range is integer, then casts
    // it to long; a pair [3.5, 4] is rejected as "must be a whole number", a single 3.5 is not.
    [Theory]
    [InlineData("Posterize", "{ num_bits: 3.5 }", "3.5")]
    [InlineData("MedianBlur", "{ blur_limit: 5.5 }", "5.5")]
    public void A_fractional_single_number_for_a_whole_number_range_is_rejected(string op, string given, string at)
    {
        OpDefinitionAssert.Rejects(op, given, at, ConfigErrorCode.WrongType);
    }

    // Was: accepted; every item is blurred with a kernel of 5, outside the configured [4, 4].
    // GaussianBlur rejects a blur_limit that holds no odd size; MedianBlur and MotionBlur draw
    // (low | 1) + 2k, which for [4, 4] is 5.
    [Theory]
    [InlineData("MedianBlur")]
    [InlineData("MotionBlur")]
    public void A_blur_limit_without_an_odd_size_is_rejected_like_GaussianBlurs(string op)
    {
        OpDefinitionAssert.Rejects(op, "{ blur_limit: 4 }", "4", ConfigErrorCode.InvalidValue);
    }

    // Was: interpolation: area renders exactly as linear (every sample equal), so downscaling
    // aliases. Spatial ops resample through cv::warpAffine/warpPerspective/remap, which do not
    // implement INTER_AREA and silently use INTER_LINEAR; Albumentations' Resize, LongestMaxSize and
    // SmallestMaxSize call cv2.resize, where area averages. Expected: a 4x downscale with area gives
    // each output sample the mean of its 4x4 block (within rounding).
    [Fact]
    public void Resize_with_area_interpolation_averages_when_downscaling()
    {
        using var input = GoldenCases.LoadInput(GoldenInput.Coins);
        var config = AugmentConfigLoader.Parse(OpDefinitionAssert.ConfigText("Resize", "{ height: 18, width: 24, interpolation: area }"), "augment.yaml");
        var records = PipelineSampler.Sample(config.Pipeline, ItemSeed.Derive(1, "coins.png", 0), ImageInfo.Of(input));
        using var result = PipelineRenderer.Render(config.Pipeline, records, input, [], 0);

        var worst = 0.0;
        for (var y = 0; y < 18; y++)
        {
            for (var x = 0; x < 24; x++)
            {
                var mean = Enumerable.Range(0, 16).Average(i => input.Row((4 * y) + (i / 4))[(4 * x) + (i % 4)]);
                worst = Math.Max(worst, Math.Abs(result.Image.Row(y)[x] - mean));
            }
        }

        Assert.True(worst <= 1, $"an area-downscaled sample is {worst:F1} levels from the mean of its 4x4 block");
    }

    // Was: the outermost output samples darkened (a white image gave 90 in the corner, 151 and 199
    // along the edges) when a crop at the image's edge, or a whole image, was enlarged. An enlarging
    // axis-aligned run was warped, and the warp's outermost samples fall half a source pixel or so
    // beyond the crop: at the image's edge that is outside the image, where the constant border's
    // fill (black) was blended in. A crop or a resize never shows fill; Albumentations resizes the crop.
    [Theory]
    [InlineData("RandomResizedCrop", "{ size: [256, 256], interpolation: linear }")]
    [InlineData("RandomResizedCrop", "{ size: [256, 256], interpolation: cubic }")]
    [InlineData("RandomResizedCrop", "{ size: [256, 256], interpolation: lanczos4 }")]
    [InlineData("Resize", "{ height: 300, width: 400 }")]
    public void An_enlarged_crop_at_the_image_edge_shows_no_fill(string op, string given)
    {
        using var input = PipelineTestKit.FromSamples(100, 80, 8, 1, Enumerable.Repeat(255, 100 * 80).ToArray());

        var config = AugmentConfigLoader.Parse(OpDefinitionAssert.ConfigText(op, given), "augment.yaml");
        IOpParams parameters = op == "Resize" ? NoParams.Instance : new ResizedCropParams(0, 30, 50, 50);
        using var result = PipelineRenderer.Render(config.Pipeline, [new OpRecord("0", op, true, parameters)], input, [], 0);

        var darkest = PipelineTestKit.Samples(result.Image).Min();
        Assert.True(darkest == 255, $"{op} {given}: a sample of the enlarged white image is {darkest}");
    }
}
