using Augment.Core.Labels;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Tests.Pipeline;

namespace Augment.Core.Tests.Labels;

/// <summary>Boxes under CoarseDropout's holes (docs/labels.md): shrunk to what stays visible, dropped when nothing does, keypoints hidden.</summary>
public sealed class BoxDropoutTests
{
    private static LabeledBox Box(double x0, double y0, double x1, double y1, params Keypoint[] keypoints) =>
        new(0, "0", new BoundingBox(x0, y0, x1, y1), 1, Keypoints: keypoints.Length == 0 ? null : keypoints);

    [Fact]
    public void A_box_no_hole_touches_is_left_as_it_is()
    {
        var box = Box(10.25, 10.5, 30.75, 40.5);
        Assert.Same(box, BoxDropout.Apply(box, [(50, 50, 10, 10)], 100, 100));
    }

    [Fact]
    public void A_hole_over_one_side_moves_that_side_to_the_hole_and_keeps_the_others_exact()
    {
        var kept = BoxDropout.Apply(Box(10.25, 10.5, 30.75, 40.5), [(0, 0, 20, 100)], 100, 100)!;

        Assert.Equal(new BoundingBox(20, 10.5, 30.75, 40.5), kept.Box);
    }

    [Fact]
    public void A_hole_inside_a_box_leaves_its_bounds()
    {
        var kept = BoxDropout.Apply(Box(10, 10, 40, 40), [(20, 20, 5, 5)], 100, 100)!;

        Assert.Equal(new BoundingBox(10, 10, 40, 40), kept.Box);
    }

    [Fact]
    public void Holes_that_hide_every_pixel_drop_the_box()
    {
        Assert.Null(BoxDropout.Apply(Box(10, 10, 40, 40), [(0, 0, 25, 100), (25, 0, 20, 100)], 100, 100));
    }

    [Fact]
    public void A_keypoint_under_a_hole_becomes_labelled_but_hidden()
    {
        var kept = BoxDropout.Apply(Box(0, 0, 100, 100, new Keypoint(22.5, 22.5, 2), new Keypoint(60.5, 60.5, 2), Keypoint.Unlabelled), [(20, 20, 5, 5)], 100, 100)!;

        Assert.Equal([new Keypoint(22.5, 22.5, 1), new Keypoint(60.5, 60.5, 2), Keypoint.Unlabelled], kept.Keypoints!);
    }

    [Fact]
    public void Through_the_pipeline_a_covered_box_is_dropped_as_covered_and_a_cut_one_shrinks()
    {
        var pipeline = PipelineTestKit.Pipeline("- CoarseDropout: { p: 1 }");
        using var image = PipelineTestKit.Filled(100, 80, 8, 1, 200);
        var records = new List<OpRecord> { new("0", "CoarseDropout", true, new CoarseDropoutParams([new Hole(0, 0, 50, 80)])) };
        LabeledBox[] boxes = [new(0, "1", new BoundingBox(10, 10, 40, 40), 1), new(1, "2", new BoundingBox(30, 20, 70, 60), 2)];

        using var result = PipelineRenderer.Render(pipeline, records, image, [], 0, new ItemLabels(boxes, [], new BoxParams("yolo")));

        var fates = result.Labels!.Fates;
        Assert.Equal((DropReason.Covered, 0), (fates[0].Dropped, fates[0].Run));
        Assert.Equal(new BoundingBox(50, 20, 70, 60), fates[1].Output);
        Assert.Equal(0, result.Image.Row(30)[20]); // the hole is there
    }

    [Fact]
    public void A_sliver_left_visible_under_min_width_is_dropped_by_the_filters()
    {
        var pipeline = PipelineTestKit.Pipeline("- CoarseDropout: { p: 1 }");
        using var image = PipelineTestKit.Filled(100, 80, 8, 1, 200);
        var records = new List<OpRecord> { new("0", "CoarseDropout", true, new CoarseDropoutParams([new Hole(0, 0, 38, 80)])) };
        LabeledBox[] boxes = [new(0, "1", new BoundingBox(10, 10, 40, 40), 1)];

        using var result = PipelineRenderer.Render(pipeline, records, image, [], 0, new ItemLabels(boxes, [], new BoxParams("yolo", MinWidth: 3)));

        Assert.Equal(DropReason.MinWidth, Assert.Single(result.Labels!.Fates).Dropped);
    }
}
