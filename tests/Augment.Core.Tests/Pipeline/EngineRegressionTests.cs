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
}
