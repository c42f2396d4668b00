namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// Engine bugs these tests once found, each asserting the correct behaviour and saying why it is correct.
/// </summary>
public sealed class EngineRegressionTests
{
    [Fact]
    public void RandomResizedCrop_takes_a_size_taller_than_it_is_wide()
    {
        // size is [height, width] (as Albumentations 2.x's RandomResizedCrop). Bound as an ordered
        // RangeParam (low <= high), every portrait output size was refused with
        // "RandomResizedCrop.size is [300, 200]; low must not exceed high".
        using var image = PipelineTestKit.Load("coins.png");
        var pipeline = PipelineTestKit.Pipeline("- RandomResizedCrop: { size: [300, 200], p: 1 }");

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, image), image);

        Assert.Equal((200, 300), (result.Image.Width, result.Image.Height));
    }

    [Fact]
    public void A_child_SomeOf_chooses_twice_draws_its_parameters_twice()
    {
        // A child chosen twice (replace: true) once ran with the same path, hence the same stream and
        // the same parameters both times; Albumentations draws them anew.
        var pipeline = PipelineTestKit.Pipeline("- SomeOf: { transforms: [ { Rotate: { limit: 90, p: 1 } } ], n: 3, replace: true, p: 1 }");
        var info = new Augment.Core.Imaging.ImageInfo(64, 48, 1, 8);

        var records = Augment.Core.Pipeline.PipelineSampler.Sample(pipeline, Augment.Core.Randomness.ItemSeed.Derive(5, "a.png", 0), info);

        var rotations = records.Where(r => r.Op == "Rotate").ToList();
        Assert.Equal(["0.0", "0.0@1", "0.0@2"], rotations.Select(r => r.Path));
        Assert.Equal(3, rotations.Select(r => ((Augment.Core.Ops.Spatial.RotateParams)r.Params!).Angle).Distinct().Count());
    }

    [Fact]
    public void A_mask_fill_that_does_not_fit_an_8_bit_mask_fails_the_item()
    {
        // A fill of 300 once saturated silently to 255, which can be a real label.
        using var image = Augment.Core.Imaging.ImageBuffer.Create(32, 24, 8, 1);
        using var mask = Augment.Core.Imaging.ImageBuffer.Create(32, 24, 8, 1);
        var pipeline = PipelineTestKit.Pipeline("- Rotate: { limit: [30, 30], p: 1 }");
        var records = Augment.Core.Pipeline.PipelineSampler.Sample(pipeline, Augment.Core.Randomness.ItemSeed.Derive(1, "a.png", 0), Augment.Core.Imaging.ImageInfo.Of(image));

        var error = Assert.Throws<Augment.Core.Ops.OpApplicationException>(
            () => Augment.Core.Pipeline.PipelineRenderer.Render(pipeline, records, image, [mask], 300));
        Assert.Contains("300", error.Message, StringComparison.Ordinal);
    }
}
