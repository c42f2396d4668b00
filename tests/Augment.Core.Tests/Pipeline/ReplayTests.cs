using Augment.Core.Ops;
using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// Rendering reads only the records (STYLE.md: "Apply never draws a random number; replay never calls
/// Sample"): the same records give the same bytes, and what an op's config would sample plays no part.
/// (ElasticTransform rebuilds its field while rendering, from the field seed its record holds.)
/// </summary>
public sealed class ReplayTests
{
    private const string Pipeline = """
        - HorizontalFlip: { p: 0.5 }
        - Rotate: { limit: 30, p: 0.8 }
        - RandomBrightnessContrast: { p: 0.7 }
        - OneOf: { p: 0.9, transforms: [ Transpose, { Affine: { scale: [0.8, 1.2], shear: [-10, 10] } } ] }
        - GaussianBlur: { p: 0.6 }
        - SomeOf: { n: 1, transforms: [ VerticalFlip, { RandomRotate90: { p: 1 } } ] }
        - ElasticTransform: { alpha: 30, sigma: 5, p: 0.7 }
        """;

    [Fact]
    public void Rendering_the_same_records_twice_gives_identical_bytes()
    {
        using var image = PipelineTestKit.Load("coins.png");
        using var mask = PipelineTestKit.Load("coins_mask.png");
        var pipeline = PipelineTestKit.Pipeline(Pipeline);
        var rendered = 0;

        for (var variant = 0; variant < 6; variant++)
        {
            var records = PipelineTestKit.Sample(pipeline, image, variant: variant);
            using var first = PipelineTestKit.Render(pipeline, records, image, 255, mask);
            // A freshly parsed pipeline: nothing carried over in the op objects either.
            using var second = PipelineTestKit.Render(PipelineTestKit.Pipeline(Pipeline), records, image, 255, mask);

            Assert.Equal(first.Passes, second.Passes);
            Assert.Equal(PipelineTestKit.Hash(first.Image), PipelineTestKit.Hash(second.Image));
            Assert.Equal(PipelineTestKit.Hash(first.Masks[0]), PipelineTestKit.Hash(second.Masks[0]));
            rendered += first.Passes;
        }

        Assert.True(rendered > 0, "no variant resampled anything, so the test compared untouched copies");
    }

    [Fact]
    public void Sampling_the_same_item_again_gives_equal_records()
    {
        using var image = PipelineTestKit.Load("coins.png");
        var pipeline = PipelineTestKit.Pipeline(Pipeline);

        Assert.Equal(PipelineTestKit.Sample(pipeline, image, variant: 3), PipelineTestKit.Sample(PipelineTestKit.Pipeline(Pipeline), image, variant: 3));
        Assert.NotEqual(PipelineTestKit.Sample(pipeline, image, variant: 3), PipelineTestKit.Sample(pipeline, image, variant: 4));
    }

    [Fact]
    public void Render_uses_the_records_parameters_not_the_ops_ranges()
    {
        // Records sampled from one config rendered with another whose ranges could never give them:
        // the output is the same, so Render did not sample.
        using var image = PipelineTestKit.Load("coins.png");
        var wide = PipelineTestKit.Pipeline("- Rotate: { limit: [20, 40], p: 1 }\n- RandomBrightnessContrast: { brightness_limit: [0.1, 0.3], p: 1 }\n- GaussianBlur: { sigma_limit: [1, 2], p: 1 }");
        var narrow = PipelineTestKit.Pipeline("- Rotate: { limit: [-1, 1], p: 0 }\n- RandomBrightnessContrast: { brightness_limit: [-0.01, 0], p: 0 }\n- GaussianBlur: { blur_limit: [3, 3], sigma_limit: [0.1, 0.2], p: 0 }");
        var records = PipelineTestKit.Sample(wide, image);

        using var fromWide = PipelineTestKit.Render(wide, records, image);
        using var fromNarrow = PipelineTestKit.Render(narrow, records, image);

        Assert.Equal(fromWide.Image.ToPackedArray(), fromNarrow.Image.ToPackedArray());
        Assert.NotEqual(image.ToPackedArray(), fromWide.Image.ToPackedArray());
    }

    [Fact]
    public void Hand_written_records_render_like_a_config_that_fixes_the_same_values()
    {
        using var image = PipelineTestKit.Load("astronaut.png");
        var ranged = PipelineTestKit.Pipeline("- Rotate: { limit: 5, p: 1 }\n- RandomBrightnessContrast: { p: 1 }");
        var fixedValues = PipelineTestKit.Pipeline("- Rotate: { limit: [30, 30], p: 1 }\n- RandomBrightnessContrast: { brightness_limit: [0.25, 0.25], contrast_limit: [-0.5, -0.5], p: 1 }");
        OpRecord[] handWritten =
        [
            new("0", "Rotate", true, new RotateParams(30)),
            new("1", "RandomBrightnessContrast", true, new RandomBrightnessContrastParams(0.25, -0.5)),
        ];

        using var replayed = PipelineTestKit.Render(ranged, handWritten, image);
        using var sampled = PipelineTestKit.Render(fixedValues, PipelineTestKit.Sample(fixedValues, image), image);

        Assert.Equal(sampled.Image.ToPackedArray(), replayed.Image.ToPackedArray());
    }

    [Fact]
    public void Records_that_did_not_fire_leave_the_image_as_it_was()
    {
        using var image = PipelineTestKit.Load("horse.png");
        var pipeline = PipelineTestKit.Pipeline("- Rotate: { limit: 30, p: 1 }\n- GaussianBlur: { p: 1 }");
        OpRecord[] notApplied = [new("0", "Rotate", false, null), new("1", "GaussianBlur", false, null)];

        using var result = PipelineTestKit.Render(pipeline, notApplied, image);

        Assert.Equal(0, result.Passes);
        Assert.Equal(image.ToPackedArray(), result.Image.ToPackedArray());
    }

    [Fact]
    public void A_record_that_names_another_op_than_the_pipeline_holds_at_its_path_is_refused()
    {
        using var image = PipelineTestKit.Load("coins.png");
        var pipeline = PipelineTestKit.Pipeline("- Rotate: { limit: 30, p: 1 }");

        Assert.Throws<InvalidOperationException>(() => PipelineTestKit.Render(pipeline, [new("0", "GaussianBlur", true, new GaussianBlurParams(3, 1))], image));
        Assert.Throws<InvalidOperationException>(() => PipelineTestKit.Render(pipeline, [new("1", "Rotate", true, new RotateParams(3))], image));
        Assert.Throws<InvalidOperationException>(() => PipelineTestKit.Render(pipeline, [new("0", "HorizontalFlip", true, NoParams.Instance)], image));
    }
}
