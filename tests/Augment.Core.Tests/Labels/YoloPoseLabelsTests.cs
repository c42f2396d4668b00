using System.Text;
using Augment.Core.Labels;

namespace Augment.Core.Tests.Labels;

/// <summary>YOLO-pose lines (Ultralytics' format): a box and kpt_shape[0] keypoints of x y (v), normalised; read into pixel-edge keypoints and written back.</summary>
public sealed class YoloPoseLabelsTests
{
    private const string Path = "labels/a.txt";
    private static readonly BoxParams Boxes = new("yolo");

    [Fact]
    public void Keypoints_of_three_values_are_read_in_pixels_with_their_visibility()
    {
        var (boxes, _) = YoloLabels.Instance.Read("0 0.5 0.5 0.5 0.5 0.25 0.5 2 0.75 0.25 1 0 0 0\n", Path, 200, 100, Boxes, new KeypointParams(Count: 3, Dims: 3));

        var points = Assert.Single(boxes).Keypoints!;
        Assert.Equal([new Keypoint(50, 50, 2), new Keypoint(150, 25, 1), Keypoint.Unlabelled], points);
    }

    [Fact]
    public void Keypoints_of_two_values_are_visible_unless_they_are_at_zero_zero()
    {
        var (boxes, _) = YoloLabels.Instance.Read("1 0.5 0.5 1 1 0.1 0.2 0 0\n", Path, 100, 100, Boxes, new KeypointParams(Count: 2, Dims: 2));

        Assert.Equal([new Keypoint(10, 20, 2), Keypoint.Unlabelled], Assert.Single(boxes).Keypoints!);
    }

    [Theory]
    [InlineData("0 0.5 0.5 0.5 0.5 0.25 0.5 2\n", "kpt_shape [2, 3]", "(11 fields), not 8 field(s)")]
    [InlineData("0 0.5 0.5 0.5 0.5 0.25 0.5 2 0.7 x 2\n", "keypoint 1", "'x' is not a number")]
    [InlineData("0 0.5 0.5 0.5 0.5 0.25 0.5 2 0.7 0.5 3\n", "keypoint 1", "the visibility '3' is not 0, 1 or 2")]
    [InlineData("0 0.5 0.5 0.5 0.5 0.25 0.5 2 1.2 0.5 2\n", "keypoint 1 (240, 50)", "outside the 200x100 image")]
    public void A_pose_line_that_cannot_be_used_is_an_error_at_its_line(string line, string first, string second)
    {
        var error = Assert.Throws<InvalidLabelsException>(() => YoloLabels.Instance.Read("\n" + line, Path, 200, 100, Boxes, new KeypointParams(Count: 2, Dims: 3)));

        Assert.Equal(2, error.Line);
        Assert.Contains(first, error.Reason, StringComparison.Ordinal);
        Assert.Contains(second, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keypoint_outside_the_image_is_kept_without_remove_invisible()
    {
        var (boxes, _) = YoloLabels.Instance.Read("0 0.5 0.5 0.5 0.5 1.2 0.5 2\n", Path, 100, 100, Boxes, new KeypointParams(RemoveInvisible: false, Count: 1, Dims: 3));

        Assert.Equal(new Keypoint(120, 50, 2), Assert.Single(Assert.Single(boxes).Keypoints!));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void Written_lines_read_back_to_the_same_keypoints(int dims)
    {
        var shape = new KeypointParams(Count: 3, Dims: dims);
        var box = new LabeledBox(0, "4", new BoundingBox(10, 20, 110, 70), 1, Keypoints: [new Keypoint(12.5, 30.25, 2), Keypoint.Unlabelled, new Keypoint(100, 60, dims == 3 ? 1 : 2)]);

        var text = Encoding.UTF8.GetString(YoloLabels.Instance.Write([box], new LabelTarget("images/a.png", 200, 100, 3, dims)));
        var (again, _) = YoloLabels.Instance.Read(text, Path, 200, 100, Boxes, shape);

        Assert.Equal(5 + (3 * dims), text.Trim().Split(' ').Length);
        Assert.Equal(box.Keypoints!.Select(p => (Math.Round(p.X, 4), Math.Round(p.Y, 4), p.Visibility)), again[0].Keypoints!.Select(p => (Math.Round(p.X, 4), Math.Round(p.Y, 4), p.Visibility)));
    }

    [Fact]
    public void A_keypoint_on_the_images_left_edge_survives_a_flip_onto_its_right_edge()
    {
        var pipeline = Augment.Core.Tests.Pipeline.PipelineTestKit.Pipeline("- HorizontalFlip: { p: 1 }");
        using var image = Augment.Core.Tests.Pipeline.PipelineTestKit.Filled(100, 50, 8, 1, 0);
        var records = Augment.Core.Tests.Pipeline.PipelineTestKit.Sample(pipeline, image);
        var box = new LabeledBox(0, "0", new BoundingBox(0, 0, 100, 50), 1, Keypoints: [new Keypoint(0, 10, 2)]);

        using var result = Augment.Core.Pipeline.PipelineRenderer.Render(pipeline, records, image, [], 0, new ItemLabels([box], [], Boxes, new KeypointParams(Count: 1)));

        Assert.Equal(new Keypoint(100, 10, 2), Assert.Single(Assert.Single(result.Labels!.Kept).Keypoints!));
    }
}
