using Augment.Core.Labels;

namespace Augment.Core.Tests.Labels;

/// <summary>
/// <see cref="BoxFilter"/> against Albumentations' own filter cases. Albumentations' figures are
/// normalised boxes (x_min, y_min, x_max, y_max) on a (100, 100) image, H = W = 100; here they are the
/// same boxes in pixels (each figure times 100), and the image is the run's 100 x 100 output.
/// </summary>
public sealed class BoxFilterTests
{
    private const int Size = 100;
    private const int Run = 3;
    private const double Tolerance = 1e-9;

    private static readonly BoxParams None = new("yolo");

    // albumentations-team/albumentations, tests/test_bbox.py, test_filter_bboxes:
    // [[0.1,0.1,0.2,0.2],[0.3,0.3,0.4,0.4],[0.5,0.5,0.6,0.7]], (100, 100), min_area 200 -> [[0.5,0.5,0.6,0.7]].
    // The last box's area is exactly 200 (10 x 20 pixels): a box at the minimum is kept.
    [Fact]
    public void Min_area_200_keeps_only_the_box_of_area_200()
    {
        var fates = Filter(None with { MinArea = 200 }, Box(0.1, 0.1, 0.2, 0.2), Box(0.3, 0.3, 0.4, 0.4), Box(0.5, 0.5, 0.6, 0.7));

        AssertDropped(fates[0], DropReason.MinArea);
        AssertDropped(fates[1], DropReason.MinArea);
        AssertKept(fates[2], Box(0.5, 0.5, 0.6, 0.7));
    }

    // Same test, min_area 300 -> no box; and min_area 0 -> every box.
    [Fact]
    public void Min_area_300_keeps_none_and_min_area_0_keeps_all()
    {
        var boxes = new[] { Box(0.1, 0.1, 0.2, 0.2), Box(0.3, 0.3, 0.4, 0.4), Box(0.5, 0.5, 0.6, 0.7) };

        Assert.All(Filter(None with { MinArea = 300 }, boxes), f => AssertDropped(f, DropReason.MinArea));
        var all = Filter(None, boxes);
        for (var i = 0; i < boxes.Length; i++)
        {
            AssertKept(all[i], boxes[i]);
        }
    }

    // Same test: [[0.1,0.1,0.2,0.2],[0.3,0.3,0.5,0.4],[0.5,0.5,0.7,0.6]], min_width 15
    // -> [[0.3,0.3,0.5,0.4],[0.5,0.5,0.7,0.6]] (widths 10, 20, 20 pixels).
    [Fact]
    public void Min_width_15_keeps_the_two_boxes_20_pixels_wide()
    {
        var fates = Filter(None with { MinWidth = 15 }, Box(0.1, 0.1, 0.2, 0.2), Box(0.3, 0.3, 0.5, 0.4), Box(0.5, 0.5, 0.7, 0.6));

        AssertDropped(fates[0], DropReason.MinWidth);
        AssertKept(fates[1], Box(0.3, 0.3, 0.5, 0.4));
        AssertKept(fates[2], Box(0.5, 0.5, 0.7, 0.6));
    }

    // Same test: [[0.1,0.1,0.2,0.2],[0.3,0.3,0.4,0.5],[0.5,0.5,0.6,0.7]], min_height 15
    // -> [[0.3,0.3,0.4,0.5],[0.5,0.5,0.6,0.7]].
    [Fact]
    public void Min_height_15_keeps_the_two_boxes_20_pixels_high()
    {
        var fates = Filter(None with { MinHeight = 15 }, Box(0.1, 0.1, 0.2, 0.2), Box(0.3, 0.3, 0.4, 0.5), Box(0.5, 0.5, 0.6, 0.7));

        AssertDropped(fates[0], DropReason.MinHeight);
        AssertKept(fates[1], Box(0.3, 0.3, 0.4, 0.5));
        AssertKept(fates[2], Box(0.5, 0.5, 0.6, 0.7));
    }

    // Same test: [[0.1,0.1,0.2,0.2],[0.3,0.3,0.4,0.4],[0.5,0.5,0.6,0.6]], min_visibility 0.5 -> all three
    // (nothing is clipped, every box is wholly visible).
    [Fact]
    public void Min_visibility_keeps_boxes_wholly_inside()
    {
        var boxes = new[] { Box(0.1, 0.1, 0.2, 0.2), Box(0.3, 0.3, 0.4, 0.4), Box(0.5, 0.5, 0.6, 0.6) };

        var fates = Filter(None with { MinVisibility = 0.5 }, boxes);

        for (var i = 0; i < boxes.Length; i++)
        {
            AssertKept(fates[i], boxes[i]);
        }
    }

    // albumentations-team/albumentations, tests/test_bbox.py, test_filter_bboxes_clipping:
    // [[-0.1,-0.1,1.1,1.1],[0.3,0.3,0.4,0.4]], (100, 100) -> [[0,0,1,1],[0.3,0.3,0.4,0.4]].
    [Fact]
    public void A_box_larger_than_the_image_is_clipped_to_it()
    {
        var fates = Filter(None, Box(-0.1, -0.1, 1.1, 1.1), Box(0.3, 0.3, 0.4, 0.4));

        AssertKept(fates[0], Box(0, 0, 1, 1));
        AssertKept(fates[1], Box(0.3, 0.3, 0.4, 0.4));
    }

    // albumentations-team/albumentations, tests/test_bbox.py, test_filter_bboxes (earlier revision,
    // rows=100, cols=100, min_area 0, min_visibility 0):
    // [(0.1,0.5,1.1,0.9),(-0.1,0.5,0.8,0.9),(0.1,0.5,0.8,0.9)] -> [(0.1,0.5,1.0,0.9),(0.0,0.5,0.8,0.9),(0.1,0.5,0.8,0.9)].
    [Fact]
    public void Boxes_reaching_over_one_edge_are_clipped_at_that_edge()
    {
        var fates = Filter(None, Box(0.1, 0.5, 1.1, 0.9), Box(-0.1, 0.5, 0.8, 0.9), Box(0.1, 0.5, 0.8, 0.9));

        AssertKept(fates[0], Box(0.1, 0.5, 1.0, 0.9));
        AssertKept(fates[1], Box(0.0, 0.5, 0.8, 0.9));
        AssertKept(fates[2], Box(0.1, 0.5, 0.8, 0.9));
    }

    // Albumentations' filter_bboxes (albumentations/core/bbox_utils.py) drops a box with no area after
    // clipping; docs/labels.md names this out_of_frame, whatever the minimums.
    [Theory]
    [InlineData(1.1, 0.1, 1.3, 0.3)]
    [InlineData(-0.5, 0.2, -0.1, 0.4)]
    [InlineData(0.2, 1.2, 0.4, 1.5)]
    [InlineData(0.2, -0.4, 0.4, 0.0)]
    [InlineData(-0.3, -0.3, -0.1, -0.1)]
    public void A_box_wholly_outside_the_image_is_out_of_frame(double x0, double y0, double x1, double y1)
    {
        var fate = Assert.Single(Filter(None, Box(x0, y0, x1, y1)));

        AssertDropped(fate, DropReason.OutOfFrame);
    }

    // albumentations-team/albumentations, tests/test_bbox.py, test_filter_bboxes (earlier revision, rows=100, cols=100):
    // [(0.1,0.5,0.8,0.9),(0.4,0.9,0.5,1.6)], min_visibility 0.75 -> [(0.1,0.5,0.8,0.9)]
    //   (the second keeps 0.1 of its 0.7 height: 100 of 700 pixels, 0.14);
    // [(0.1,0.5,0.8,0.9),(0.4,0.7,0.5,1.1)], min_visibility 0.7 -> [(0.1,0.5,0.8,0.9),(0.4,0.7,0.5,1.0)]
    //   (the second keeps 300 of 400 pixels, 0.75).
    // Visibility is the clipped area over the unclipped one: against the clipped area it would be 1.
    [Fact]
    public void Min_visibility_compares_the_clipped_area_with_the_unclipped_one()
    {
        var low = Filter(None with { MinVisibility = 0.75 }, Box(0.1, 0.5, 0.8, 0.9), Box(0.4, 0.9, 0.5, 1.6));
        var high = Filter(None with { MinVisibility = 0.7 }, Box(0.1, 0.5, 0.8, 0.9), Box(0.4, 0.7, 0.5, 1.1));

        AssertKept(low[0], Box(0.1, 0.5, 0.8, 0.9));
        AssertDropped(low[1], DropReason.MinVisibility);
        AssertKept(high[0], Box(0.1, 0.5, 0.8, 0.9));
        AssertKept(high[1], Box(0.4, 0.7, 0.5, 1.0));
    }

    // Same earlier revision: [(0.1,0.5,0.8,0.9),(0.4,0.5,0.5,0.6)], min_area 150 -> [(0.1,0.5,0.8,0.9)].
    [Fact]
    public void Min_area_150_drops_the_box_of_100_pixels()
    {
        var fates = Filter(None with { MinArea = 150 }, Box(0.1, 0.5, 0.8, 0.9), Box(0.4, 0.5, 0.5, 0.6));

        AssertKept(fates[0], Box(0.1, 0.5, 0.8, 0.9));
        AssertDropped(fates[1], DropReason.MinArea);
    }

    // albumentations-team/albumentations, tests/test_bbox.py, test_filter_bboxes_by_min_width_height
    // (100 x 100): [(0.1,0.1,0.9,0.9),(0.1,0.1,0.2,0.9),(0.1,0.1,0.9,0.2),(0.1,0.1,0.2,0.2)],
    // min_width 20, min_height 20 -> [(0.1,0.1,0.9,0.9)]; min_width 20 alone -> [(0.1,0.1,0.9,0.9),(0.1,0.1,0.9,0.2)].
    [Fact]
    public void Min_width_and_min_height_together_and_alone()
    {
        var boxes = new[] { Box(0.1, 0.1, 0.9, 0.9), Box(0.1, 0.1, 0.2, 0.9), Box(0.1, 0.1, 0.9, 0.2), Box(0.1, 0.1, 0.2, 0.2) };

        var both = Filter(None with { MinWidth = 20, MinHeight = 20 }, boxes);
        var width = Filter(None with { MinWidth = 20 }, boxes);

        Assert.Equal([true, false, false, false], both.Select(f => f.Kept));
        Assert.Equal([null, DropReason.MinWidth, DropReason.MinHeight, DropReason.MinWidth], both.Select(f => f.Dropped));
        Assert.Equal([true, false, true, false], width.Select(f => f.Kept));
    }

    private static BoundingBox Box(double x0, double y0, double x1, double y1) => new(x0 * Size, y0 * Size, x1 * Size, y1 * Size);

    private static List<BoxFate> Filter(BoxParams settings, params BoundingBox[] boxes) =>
        boxes.Select((b, i) => BoxFilter.Check(new LabeledBox(i, "0", b, i + 1), b, Size, Size, settings, Run)).ToList();

    private static void AssertKept(BoxFate fate, BoundingBox expected)
    {
        Assert.True(fate.Kept, $"line {fate.Source.Line} dropped ({fate.Dropped})");
        var box = fate.Output!.Value;
        Assert.Equal(expected.XMin, box.XMin, Tolerance);
        Assert.Equal(expected.YMin, box.YMin, Tolerance);
        Assert.Equal(expected.XMax, box.XMax, Tolerance);
        Assert.Equal(expected.YMax, box.YMax, Tolerance);
    }

    private static void AssertDropped(BoxFate fate, string reason)
    {
        Assert.Equal(reason, fate.Dropped);
        Assert.False(fate.Kept);
        Assert.Null(fate.Output);
        Assert.Equal(Run, fate.Run);
    }
}
