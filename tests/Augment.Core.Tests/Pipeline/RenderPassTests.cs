using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// How many resampling passes a pipeline takes (PRODUCT.md section 5): one per run of consecutive
/// applied spatial ops, a run split by an applied pixel op, none for a run that maps every pixel onto
/// itself.
/// </summary>
public sealed class RenderPassTests
{
    [Theory]
    [InlineData("- HorizontalFlip: { p: 1 }\n- Rotate: { limit: [20, 20], p: 1 }\n- RandomBrightnessContrast: { p: 1 }\n- Affine: { scale: 1.1, rotate: 5, p: 1 }", 2)]
    [InlineData("- Rotate: { limit: [20, 20], p: 1 }\n- GaussianBlur: { p: 1 }\n- Rotate: { limit: [-10, -10], p: 1 }\n- RandomBrightnessContrast: { p: 1 }\n- VerticalFlip: { p: 1 }", 3)]
    [InlineData("- RandomBrightnessContrast: { p: 1 }\n- Rotate: { limit: [20, 20], p: 1 }\n- Affine: { scale: 0.9, p: 1 }\n- GaussianBlur: { p: 1 }", 1)]
    [InlineData("- RandomBrightnessContrast: { p: 1 }\n- GaussianBlur: { p: 1 }", 0)]
    [InlineData("- Rotate: { limit: [20, 20], p: 1 }\n- CoarseDropout: { p: 1 }\n- Resize: { height: 50, width: 70, p: 1 }", 2)]
    public void Each_run_of_spatial_ops_between_pixel_ops_is_one_pass(string pipelineYaml, int passes)
    {
        using var source = PipelineTestKit.LoadCentreCrop("astronaut.png", 96);
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, source), source);

        Assert.Equal(passes, result.Passes);
    }

    [Theory]
    [InlineData("- HorizontalFlip: { p: 1 }\n- Rotate: { limit: [20, 20], p: 1 }\n- Affine: { scale: 1.1, rotate: 5, shear: 8, translate_percent: 0.05, p: 1 }")]
    [InlineData("- Rotate: { limit: 45, p: 1 }\n- VerticalFlip: { p: 1 }\n- Transpose: { p: 1 }\n- Affine: { scale: [0.8, 1.2], p: 1 }\n- Rotate: { limit: 45, p: 1 }")]
    [InlineData("- Sequential: { p: 1, transforms: [ { Rotate: { limit: [10, 10], p: 1 } }, { HorizontalFlip: { p: 1 } } ] }\n- OneOf: { p: 1, transforms: [ Transpose, { Affine: { scale: 1.2 } } ] }")]
    [InlineData("- Rotate: { limit: [15, 15], p: 1 }\n- ElasticTransform: { alpha: 20, sigma: 5, p: 1 }\n- RandomCrop: { height: 64, width: 80, p: 1 }\n- GridDistortion: { p: 1 }\n- Resize: { height: 50, width: 60, p: 1 }")]
    [InlineData("- Perspective: { p: 1 }\n- ShiftScaleRotate: { p: 1 }\n- PadIfNeeded: { min_height: 128, min_width: 100, p: 1 }\n- CenterCrop: { height: 90, width: 90, p: 1 }")]
    public void An_all_spatial_pipeline_renders_in_one_pass(string pipelineYaml)
    {
        using var source = PipelineTestKit.LoadCentreCrop("coffee.png", 96);
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);

        for (var variant = 0; variant < 4; variant++)
        {
            using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, source, variant: variant), source);
            Assert.Equal(1, result.Passes);
        }
    }

    [Fact]
    public void A_spatial_op_that_does_not_fire_does_not_split_or_add_a_pass()
    {
        using var source = PipelineTestKit.LoadCentreCrop("coffee.png", 96);
        var pipeline = PipelineTestKit.Pipeline(
            "- Rotate: { limit: [20, 20], p: 1 }\n- RandomBrightnessContrast: { p: 0 }\n- Affine: { scale: 1.2, p: 1 }\n- VerticalFlip: { p: 0 }");

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, source), source);

        Assert.Equal(1, result.Passes);
    }

    [Theory]
    [InlineData("- HorizontalFlip: { p: 1 }\n- HorizontalFlip: { p: 1 }")]
    [InlineData("- VerticalFlip: { p: 1 }\n- HorizontalFlip: { p: 1 }\n- VerticalFlip: { p: 1 }\n- HorizontalFlip: { p: 1 }")]
    [InlineData("- Transpose: { p: 1 }\n- Transpose: { p: 1 }")]
    [InlineData("- Rotate: { limit: [0, 0], p: 1 }\n- Affine: { p: 1 }")]
    [InlineData("- Transpose: { p: 1 }\n- HorizontalFlip: { p: 1 }\n- Transpose: { p: 1 }\n- VerticalFlip: { p: 1 }\n- Affine: { p: 1 }")]
    public void A_run_that_maps_every_pixel_onto_itself_takes_no_pass_and_returns_the_input(string pipelineYaml)
    {
        using var source = PipelineTestKit.LoadCentreCrop("chelsea.png", 120);
        using var cropped = PipelineTestKit.Crop(source, 0, 0, 120, 90); // not square, so a transpose is not a no-op alone
        using var mask = PipelineTestKit.FromSamples(120, 90, 8, 1, Enumerable.Range(0, 120 * 90).Select(i => i % 7).ToArray());
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, cropped), cropped, 255, mask);

        Assert.Equal(0, result.Passes);
        Assert.Equal(cropped.ToPackedArray(), result.Image.ToPackedArray());
        Assert.Equal(mask.ToPackedArray(), result.Masks[0].ToPackedArray());
    }

    [Fact]
    public void RandomRotate90_by_zero_quarter_turns_takes_no_pass()
    {
        using var source = PipelineTestKit.Load("coins.png");
        var pipeline = PipelineTestKit.Pipeline("- RandomRotate90: { p: 1 }");
        OpRecord[] records = [new("0", "RandomRotate90", true, new RandomRotate90Params(0))];

        using var result = PipelineTestKit.Render(pipeline, records, source);

        Assert.Equal(0, result.Passes);
        Assert.Equal(source.ToPackedArray(), result.Image.ToPackedArray());
    }

    [Fact]
    public void The_source_buffer_is_left_untouched_and_the_result_is_a_separate_buffer()
    {
        using var source = SyntheticImages.Random(64, 48, 8, 3);
        var before = source.ToPackedArray();
        var pipeline = PipelineTestKit.Pipeline("- RandomBrightnessContrast: { brightness_limit: [0.2, 0.3], p: 1 }\n- HorizontalFlip: { p: 0 }");

        using (var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, source), source))
        {
            Assert.NotEqual(before, result.Image.ToPackedArray());
        }

        using (var untouched = PipelineTestKit.Render(pipeline, [], source))
        {
            // Disposing a result must not free the source: it is a copy even when nothing changed.
            Assert.Equal(before, untouched.Image.ToPackedArray());
        }

        Assert.Equal(before, source.ToPackedArray());
    }
}
