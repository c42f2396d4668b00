using Augment.Core.Config;
using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Ops;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Tests.Pipeline;

namespace Augment.Core.Tests.Labels;

/// <summary>
/// Albumentations' own worked box cases, through the real renderer: a config's pipeline, its
/// records, <see cref="PipelineRenderer.Render"/> with the item's boxes, and the
/// <see cref="LabelResult"/> it gives back. The expected figures are Albumentations', copied into
/// each test with the file and test they come from (albumentations-team/albumentations). Boxes
/// here are pixel-edge, Albumentations' pascal_voc; coco (x, y, w, h) and normalised figures are
/// converted in the test.
/// </summary>
public sealed class AlbumentationsBoxCasesTests
{
    private const double Exact = 1e-7;
    private const double Rotated = 1e-3;

    private static readonly BoxParams Defaults = new("yolo");

    // albumentations-team/albumentations, tests/test_bbox.py, test_bounding_box_hflip: a 4x4 image,
    // coco boxes (x, y, w, h), A.HorizontalFlip(p=1).
    [Theory]
    [InlineData(1, 1, 1, 1, 2, 1, 1, 1)]
    [InlineData(0, 1, 1, 1, 3, 1, 1, 1)]
    [InlineData(1, 0, 1, 1, 2, 0, 1, 1)]
    [InlineData(0, 0, 1, 1, 3, 0, 1, 1)]
    public void Bounding_box_hflip(double x, double y, double w, double h, double ex, double ey, double ew, double eh)
    {
        var rendered = RenderSampled("- HorizontalFlip: { p: 1 }", 4, 4, Defaults, Coco(x, y, w, h));

        AssertSingleKept(rendered, Coco(ex, ey, ew, eh), Exact);
    }

    // albumentations-team/albumentations, tests/test_bbox.py, test_bounding_box_vflip: a 4x4 image,
    // coco boxes (x, y, w, h), A.VerticalFlip(p=1).
    [Theory]
    [InlineData(1, 1, 1, 1, 1, 2, 1, 1)]
    [InlineData(0, 1, 1, 1, 0, 2, 1, 1)]
    [InlineData(1, 0, 1, 1, 1, 3, 1, 1)]
    [InlineData(0, 0, 1, 1, 0, 3, 1, 1)]
    public void Bounding_box_vflip(double x, double y, double w, double h, double ex, double ey, double ew, double eh)
    {
        var rendered = RenderSampled("- VerticalFlip: { p: 1 }", 4, 4, Defaults, Coco(x, y, w, h));

        AssertSingleKept(rendered, Coco(ex, ey, ew, eh), Exact);
    }

    // albumentations-team/albumentations, tests/functional (test_geometric.py; test_functional.py in
    // earlier revisions), test_bboxes_rot90 / test_bbox_rot90: the normalised box (0.1, 0.2, 0.3, 0.4)
    // turned k quarter turns (np.rot90, counter-clockwise), with rows=100, cols=200:
    // k=1 -> (0.2, 0.7, 0.4, 0.9), k=2 -> (0.7, 0.6, 0.9, 0.8), k=3 -> (0.6, 0.1, 0.8, 0.3).
    // Normalised figures do not depend on the shape; both the square image and Albumentations'
    // 200 wide by 100 high one are tried. RandomRotate90Params.Factor counts quarter turns
    // counter-clockwise as np.rot90's k does, so the record is written by hand with Factor = k.
    [Theory]
    [InlineData(100, 100, 1, 0.2, 0.7, 0.4, 0.9)]
    [InlineData(100, 100, 2, 0.7, 0.6, 0.9, 0.8)]
    [InlineData(100, 100, 3, 0.6, 0.1, 0.8, 0.3)]
    [InlineData(200, 100, 1, 0.2, 0.7, 0.4, 0.9)]
    [InlineData(200, 100, 2, 0.7, 0.6, 0.9, 0.8)]
    [InlineData(200, 100, 3, 0.6, 0.1, 0.8, 0.3)]
    public void Bboxes_rot90(int width, int height, int k, double x0, double y0, double x1, double y1)
    {
        var pipeline = PipelineTestKit.Pipeline("- RandomRotate90: { p: 1 }");
        OpRecord[] records = [new("0", "RandomRotate90", true, new RandomRotate90Params(k))];

        var rendered = Render(pipeline, records, width, height, Defaults, Normalised(0.1, 0.2, 0.3, 0.4, width, height));

        var (outWidth, outHeight) = k % 2 == 1 ? (height, width) : (width, height);
        Assert.Equal((outWidth, outHeight), (rendered.Width, rendered.Height));
        AssertSingleKept(rendered, Normalised(x0, y0, x1, y1, outWidth, outHeight), Exact);
    }

    // albumentations-team/albumentations, tests/functional (test_geometric.py; test_functional.py in
    // earlier revisions), test_bboxes_transpose / test_bbox_transpose: the normalised box
    // (0.7, 0.1, 0.8, 0.4) transposed (rows and columns swapped) -> (0.1, 0.7, 0.4, 0.8); rows=100, cols=200.
    [Theory]
    [InlineData(100, 100)]
    [InlineData(200, 100)]
    public void Bboxes_transpose(int width, int height)
    {
        var rendered = RenderSampled("- Transpose: { p: 1 }", width, height, Defaults, Normalised(0.7, 0.1, 0.8, 0.4, width, height));

        Assert.Equal((height, width), (rendered.Width, rendered.Height));
        AssertSingleKept(rendered, Normalised(0.1, 0.7, 0.4, 0.8, height, width), Exact);
    }

    // albumentations-team/albumentations, tests/test_bbox.py, test_bbox_clipping: a 100x100 image,
    // pascal_voc, A.Affine(translate_px=sign * 2), p=1:
    //   (0, 0, 10, 10),    sign -1, min_visibility 0.9  -> []
    //   (0, 0, 10, 10),    sign -1, min_visibility 0.6  -> [(0, 0, 8, 8)]
    //   (90, 90, 100, 100), sign +1, min_visibility 0.9  -> []
    //   (90, 90, 100, 100), sign +1, min_visibility 0.49 -> [(92, 92, 100, 100)]
    // (each box keeps 8 x 8 of its 10 x 10 pixels: visibility 0.64). Our Affine takes translate_px as
    // Albumentations does, "x means always x" for both axes (docs/ops.md); bbox_params come from the config.
    [Theory]
    [InlineData(0, 0, 10, 10, -2, 0.9, null, null, null, null)]
    [InlineData(0, 0, 10, 10, -2, 0.6, 0.0, 0.0, 8.0, 8.0)]
    [InlineData(90, 90, 100, 100, 2, 0.9, null, null, null, null)]
    [InlineData(90, 90, 100, 100, 2, 0.49, 92.0, 92.0, 100.0, 100.0)]
    public void Bbox_clipping(
        double x0, double y0, double x1, double y1, int translate, double minVisibility, double? ex0, double? ey0, double? ex1, double? ey1)
    {
        var config = AugmentConfigLoader.Parse(
            "version: 1\nseed: 42\ninputs:\n  images: \"images/*.png\"\n  labels: \"labels/{stem}.txt\"\n"
            + $"bbox_params: {{ format: yolo, min_visibility: {minVisibility.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}\n"
            + $"pipeline:\n  - Affine: {{ translate_px: {translate}, p: 1 }}\n",
            "augment.yaml");
        var settings = config.Labels!.Boxes;
        Assert.Equal(minVisibility, settings.MinVisibility);
        using var image = PipelineTestKit.Filled(100, 100, 8, 3, 0);
        var records = PipelineTestKit.Sample(config.Pipeline, image);
        var affine = Assert.IsType<AffineParams>(Assert.Single(records).Params);
        Assert.Equal(((double)translate, (double)translate, 0.0, 0.0, 0.0, 1.0), (affine.TranslateX, affine.TranslateY, affine.TranslatePercentX, affine.TranslatePercentY, affine.Rotate, affine.Scale));

        var rendered = Render(config.Pipeline, records, image, settings, new BoundingBox(x0, y0, x1, y1));

        if (ex0 is null)
        {
            Assert.Empty(rendered.Labels.Kept);
            var fate = Assert.Single(rendered.Labels.Fates);
            Assert.Equal(DropReason.MinVisibility, fate.Dropped);
            Assert.Equal(1, fate.Run);
            Assert.Null(fate.Output);
        }
        else
        {
            AssertSingleKept(rendered, new BoundingBox(ex0.Value, ey0!.Value, ex1!.Value, ey1!.Value), Exact);
        }
    }

    // Albumentations' sign convention for rotation (albumentations/augmentations/geometric/functional.py,
    // cv2.getRotationMatrix2D about the centre (50, 50) of a 100x100 image for boxes): a positive angle
    // turns counter-clockwise as the image is seen, so with theta = 45 the point (60, 50) goes to
    // (50 + 10 cos 45, 50 - 10 sin 45) = (57.07, 42.93). Our Rotate's limit is in degrees
    // counter-clockwise (docs/ops.md, Rotate.cs), through Matrix3x3.Rotation, OpenCV's
    // getRotationMatrix2D convention: the SAME sign as Albumentations. Our matrices map pixel centres
    // (about (49.5, 49.5)); the point (60, 50) in edge coordinates is the centre (59.5, 49.5).
    [Fact]
    public void Rotate_45_turns_counter_clockwise_as_Albumentations_does()
    {
        var pipeline = PipelineTestKit.Pipeline("- Rotate: { limit: [45, 45], p: 1 }");
        using var image = PipelineTestKit.Filled(100, 100, 8, 3, 0);
        var records = PipelineTestKit.Sample(pipeline, image);

        var run = RunOf(pipeline, records, image);
        var (x, y) = run.Forward.Apply(60 - 0.5, 50 - 0.5);

        Assert.Equal(57.07, x + 0.5, 0.01);
        Assert.Equal(42.93, y + 0.5, 0.01);
    }

    // Albumentations' rotation of boxes with rotate_method "largest_box" (the default;
    // albumentations/augmentations/geometric/functional.py, bboxes_rotate / bboxes_affine_largest_box:
    // the four corners through getRotationMatrix2D about (50, 50), then their bounds), computed from its
    // formulas for theta = 45 on a 100x100 image:
    //   (20, 40, 80, 60) -> (21.716, 21.716, 78.284, 78.284)
    //   (10, 10, 30, 30) -> (-6.569, 35.858, 21.716, 64.142) before clipping,
    //                       (0, 35.858, 21.716, 64.142) after our clipping to the image.
    [Fact]
    public void Rotate_45_largest_box()
    {
        var pipeline = PipelineTestKit.Pipeline("- Rotate: { limit: [45, 45], p: 1 }");
        using var image = PipelineTestKit.Filled(100, 100, 8, 3, 0);
        var records = PipelineTestKit.Sample(pipeline, image);
        Assert.Equal(45, Assert.IsType<RotateParams>(Assert.Single(records).Params).Angle);
        BoundingBox[] boxes = [new(20, 40, 80, 60), new(10, 10, 30, 30)];

        var run = RunOf(pipeline, records, image);
        AssertBox(new BoundingBox(21.716, 21.716, 78.284, 78.284), BoxGeometry.Map(run, boxes[0]), Rotated);
        AssertBox(new BoundingBox(-6.569, 35.858, 21.716, 64.142), BoxGeometry.Map(run, boxes[1]), Rotated);

        var rendered = Render(pipeline, records, image, Defaults, boxes);

        Assert.Equal(2, rendered.Labels.Kept.Count);
        AssertBox(new BoundingBox(21.716, 21.716, 78.284, 78.284), rendered.Labels.Kept[0].Box, Rotated);
        AssertBox(new BoundingBox(0, 35.858, 21.716, 64.142), rendered.Labels.Kept[1].Box, Rotated);
        Assert.Equal([true, true], rendered.Labels.Fates.Select(f => f.Kept));
        AssertBox(new BoundingBox(0, 35.858, 21.716, 64.142), rendered.Labels.Fates[1].Output!.Value, Rotated);
    }

    // Albumentations' rotate_method "ellipse" (functional.py, bboxes_affine_ellipse: 360 points, one
    // per degree, x = cx + w/2 sin a, y = cy + h/2 cos a on the box's inscribed ellipse, through the
    // same matrix, then their bounds), computed from its formulas for theta = 45 on a 100x100 image;
    // the first equals the closed form 50 +- sqrt(a^2 cos^2 45 + b^2 sin^2 45) with a = 30, b = 10:
    //   (20, 40, 80, 60) -> (27.64, 27.64, 72.36, 72.36)
    //   (10, 10, 30, 30) -> (-2.426, 40, 17.574, 60) before clipping, (0, 40, 17.574, 60) after.
    [Theory]
    [InlineData("Rotate: { limit: [45, 45], rotate_method: ellipse, p: 1 }")]
    [InlineData("Affine: { rotate: 45, rotate_method: ellipse, p: 1 }")]
    public void Rotate_45_ellipse(string op)
    {
        var pipeline = PipelineTestKit.Pipeline("- " + op);
        using var image = PipelineTestKit.Filled(100, 100, 8, 3, 0);
        var records = PipelineTestKit.Sample(pipeline, image);

        var rendered = Render(pipeline, records, image, Defaults, new BoundingBox(20, 40, 80, 60), new BoundingBox(10, 10, 30, 30));

        AssertBox(new BoundingBox(27.64, 27.64, 72.36, 72.36), rendered.Labels.Kept[0].Box, 0.006);
        AssertBox(new BoundingBox(0, 40, 17.574, 60), rendered.Labels.Kept[1].Box, 0.006);
    }

    // albumentations tests/functional test_crop_bboxes_by_coords: a 200x200 image cropped to
    // (100, 100, 180, 180) maps [0.1, 0.1, 0.3, 0.3] to [-1, -1, -0.5, -0.5] (outside),
    // [0.4, 0.4, 0.8, 0.8] to [-0.25, -0.25, 0.75, 0.75] and [0.7, 0.7, 0.9, 0.9] to [0.5, 0.5, 1, 1],
    // normalised by the 80x80 crop. Its filter_bboxes then clips and compares: the second box keeps
    // (0, 0, 60, 60), 3600 of its 6400 pixels (visibility 0.5625); the third is whole, area 1600.
    [Theory]
    [InlineData(0.5, 0, true, true)]
    [InlineData(0.6, 0, false, true)]
    [InlineData(0, 2000, true, false)]
    [InlineData(0, 3600, true, false)]
    [InlineData(0, 3601, false, false)]
    public void A_crop_with_min_visibility_and_min_area(double minVisibility, double minArea, bool second, bool third)
    {
        var pipeline = PipelineTestKit.Pipeline("- RandomCrop: { height: 80, width: 80, p: 1 }");
        var records = new List<OpRecord> { new("0", "RandomCrop", true, new CropParams(100, 100)) };

        var rendered = Render(pipeline, records, 200, 200, new BoxParams("pascal_voc", minArea, minVisibility),
            Normalised(0.1, 0.1, 0.3, 0.3, 200, 200), Normalised(0.4, 0.4, 0.8, 0.8, 200, 200), Normalised(0.7, 0.7, 0.9, 0.9, 200, 200));

        Assert.Equal(DropReason.OutOfFrame, rendered.Labels.Fates[0].Dropped);
        Assert.Equal(second, rendered.Labels.Fates[1].Kept);
        Assert.Equal(third, rendered.Labels.Fates[2].Kept);
        if (second)
        {
            AssertBox(new BoundingBox(0, 0, 60, 60), rendered.Labels.Fates[1].Output!.Value, 1e-9);
        }
        else
        {
            Assert.Equal(minVisibility > 0 ? DropReason.MinVisibility : DropReason.MinArea, rendered.Labels.Fates[1].Dropped);
        }

        if (third)
        {
            AssertBox(new BoundingBox(40, 40, 80, 80), rendered.Labels.Fates[2].Output!.Value, 1e-9);
        }
        else
        {
            Assert.Equal(DropReason.MinArea, rendered.Labels.Fates[2].Dropped);
        }
    }

    private sealed record Rendered(LabelResult Labels, int Width, int Height);

    private static BoundingBox Coco(double x, double y, double w, double h) => new(x, y, x + w, y + h);

    private static BoundingBox Normalised(double x0, double y0, double x1, double y1, int width, int height) =>
        new(x0 * width, y0 * height, x1 * width, y1 * height);

    private static Rendered RenderSampled(string pipelineYaml, int width, int height, BoxParams settings, params BoundingBox[] boxes)
    {
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);
        using var image = PipelineTestKit.Filled(width, height, 8, 3, 0);
        var records = PipelineTestKit.Sample(pipeline, image);
        Assert.All(records, r => Assert.True(r.Applied));
        return Render(pipeline, records, image, settings, boxes);
    }

    private static Rendered Render(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, int width, int height, BoxParams settings, params BoundingBox[] boxes)
    {
        using var image = PipelineTestKit.Filled(width, height, 8, 3, 0);
        return Render(pipeline, records, image, settings, boxes);
    }

    private static Rendered Render(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer image, BoxParams settings, params BoundingBox[] boxes)
    {
        var labeled = boxes.Select((b, i) => new LabeledBox(i, "0", b, i + 1)).ToList();
        using var result = PipelineRenderer.Render(pipeline, records, image, [], 0, new ItemLabels(labeled, [], settings));
        Assert.NotNull(result.Labels);
        Assert.Equal(boxes.Length, result.Labels.Fates.Count);
        return new Rendered(result.Labels, result.Image.Width, result.Image.Height);
    }

    // The single run the records make, built from each op's own Transform as the renderer builds it.
    private static SpatialRun RunOf(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer image)
    {
        var ops = PipelineTestKit.OpsByPath(pipeline);
        var info = ImageInfo.Of(image);
        var run = new SpatialRun(info.Size);
        foreach (var record in records.Where(r => r.Applied))
        {
            run.Add(((ISpatialOp)ops[record.Path]).Transform(record.Params!, info));
            info = info.WithSize(run.OutputSize);
        }

        return run;
    }

    private static void AssertSingleKept(Rendered rendered, BoundingBox expected, double tolerance)
    {
        var kept = Assert.Single(rendered.Labels.Kept);
        AssertBox(expected, kept.Box, tolerance);
        var fate = Assert.Single(rendered.Labels.Fates);
        Assert.True(fate.Kept, $"dropped: {fate.Dropped}");
        AssertBox(expected, fate.Output!.Value, tolerance);
    }

    private static void AssertBox(BoundingBox expected, BoundingBox actual, double tolerance)
    {
        Assert.True(
            Math.Abs(expected.XMin - actual.XMin) <= tolerance && Math.Abs(expected.YMin - actual.YMin) <= tolerance
            && Math.Abs(expected.XMax - actual.XMax) <= tolerance && Math.Abs(expected.YMax - actual.YMax) <= tolerance,
            $"expected {expected}, got {actual} (tolerance {tolerance})");
    }
}
