using System.Globalization;
using System.Text;
using Augment.Core.Labels;

namespace Augment.Core.Tests.Labels;

/// <summary>
/// YOLO label files in and out (docs/labels.md, "Label files"): 'class cx cy w h' lines, normalised
/// by the image's width and height, read into pixel-edge boxes (a box over the whole W x H image is
/// (0, 0, W, H)); every unusable line is an error with its file and line, unless
/// <c>filter_invalid_bboxes</c> drops the box; <c>clip</c> cuts boxes to the image.
/// </summary>
public sealed class YoloLabelsTests
{
    private const string Path = "labels/cat.txt";
    private const double Tolerance = 1e-9;

    private static readonly BoxParams Strict = new("yolo");

    [Fact]
    public void Normalised_lines_become_pixel_edge_boxes_of_the_image()
    {
        // 200 x 100: cx 0.5 w 0.2 is x 80..120; cy 0.5 h 0.4 is y 30..70.
        // cx 0.25 w 0.1 is x 40..60; cy 0.75 h 0.2 is y 65..85.
        var (boxes, invalid) = YoloLabels.Instance.Read("0 0.5 0.5 0.2 0.4\n3 0.25 0.75 0.1 0.2\n", Path, 200, 100, Strict);

        Assert.Empty(invalid);
        Assert.Equal(2, boxes.Count);
        AssertBox(new BoundingBox(80, 30, 120, 70), boxes[0].Box);
        AssertBox(new BoundingBox(40, 65, 60, 85), boxes[1].Box);
        Assert.Equal(["0", "3"], boxes.Select(b => b.Class));
        Assert.Equal([0, 1], boxes.Select(b => b.Index));
        Assert.Equal([1, 2], boxes.Select(b => b.Line));
    }

    [Fact]
    public void A_box_over_the_whole_image_is_zero_to_width_and_height()
    {
        var (boxes, _) = YoloLabels.Instance.Read("7 0.5 0.5 1 1", Path, 64, 48, Strict);

        AssertBox(new BoundingBox(0, 0, 64, 48), Assert.Single(boxes).Box);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_lines_keep_their_numbers()
    {
        var text = "\n0 0.5 0.5 0.2 0.4\n   \n\t\n1 0.5 0.5 0.1 0.1\n\n";

        var (boxes, _) = YoloLabels.Instance.Read(text, Path, 100, 100, Strict);

        Assert.Equal([2, 5], boxes.Select(b => b.Line));
        Assert.Equal([0, 1], boxes.Select(b => b.Index));
        Assert.Equal(["0", "1"], boxes.Select(b => b.Class));
    }

    [Fact]
    public void CRLF_line_ends_read_as_LF_ones()
    {
        var lf = "0 0.5 0.5 0.2 0.4\n\n2 0.3 0.6 0.2 0.2";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n";

        var (fromLf, _) = YoloLabels.Instance.Read(lf, Path, 100, 100, Strict);
        var (fromCrlf, _) = YoloLabels.Instance.Read(crlf, Path, 100, 100, Strict);

        Assert.Equal(2, fromCrlf.Count);
        Assert.Equal([1, 3], fromCrlf.Select(b => b.Line));
        Assert.Equal(["0", "2"], fromCrlf.Select(b => b.Class)); // no '\r' left on the last field
        AssertBox(new BoundingBox(20, 50, 40, 70), fromCrlf[1].Box);
        Assert.Equal(fromLf, fromCrlf);
    }

    public static TheoryData<string, int, string> Malformed => new()
    {
        // wrong field count
        { "0 0.5 0.5 0.2 0.4\n\n0 0.5 0.5 0.2", 3, "(5 fields), not 4 field(s)" },
        { "0 0.5 0.5 0.2 0.4 9", 1, "(5 fields), not 6 field(s)" },
        { "0 0.5 0.5 0.2 0.4\n0.5", 2, "not 1 field(s)" },
        // class ids that are not non-negative integers
        { "0 0.5 0.5 0.2 0.4\n1.5 0.5 0.5 0.2 0.2", 2, "the class id '1.5' is not a non-negative integer" },
        { "0 0.5 0.5 0.2 0.4\n-1 0.5 0.5 0.2 0.2", 2, "the class id '-1' is not a non-negative integer" },
        { "0 0.5 0.5 0.2 0.4\ncat 0.5 0.5 0.2 0.2", 2, "the class id 'cat' is not a non-negative integer" },
        // numbers that are not finite, each named by its field
        { "0 nan 0.5 0.2 0.2", 1, "cx 'nan' is not a number" },
        { "0 0.5 NaN 0.2 0.2", 1, "cy 'NaN' is not a number" },
        { "0 0.5 0.5 inf 0.2", 1, "w 'inf' is not a number" },
        { "0 0.5 0.5 0.2 1e999", 1, "h '1e999' is not a number" },
        { "0 0.5 0.5 0.2 -Infinity", 1, "h '-Infinity' is not a number" },
        { "0 0.5 0.5 0.2 abc", 1, "h 'abc' is not a number" },
        // zero or negative size
        { "0 0.5 0.5 0.2 0.4\n0 0.5 0.5 0 0.1", 2, "the box has zero or negative size (w 0, h 0.1)" },
        { "0 0.5 0.5 0.1 -0.2", 1, "the box has zero or negative size (w 0.1, h -0.2)" },
        // outside the image without clip
        { "0 0.5 0.5 0.2 0.4\n\n\n0 0.95 0.5 0.2 0.2", 4, "the box (0.95 0.5 0.2 0.2) reaches outside the image; set bbox_params.clip: true" },
        { "0 0.5 0.05 0.2 0.2", 1, "reaches outside the image" },
        { "0 0.5 0.5 1.2 0.2", 1, "reaches outside the image" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void An_unusable_line_is_an_error_with_its_line(string text, int line, string fragment)
    {
        var error = Assert.Throws<InvalidLabelsException>(() => YoloLabels.Instance.Read(text, Path, 100, 100, Strict));

        Assert.Equal(line, error.Line);
        Assert.Equal(Path, error.FilePath);
        Assert.Contains(fragment, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{Path}:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0.5 0.5 0 0.1")]
    [InlineData("0 0.95 0.5 0.2 0.2")]
    public void A_box_error_says_how_filter_invalid_bboxes_would_drop_it(string text)
    {
        var error = Assert.Throws<InvalidLabelsException>(() => YoloLabels.Instance.Read(text, Path, 100, 100, Strict));

        Assert.Contains("bbox_params.filter_invalid_bboxes: true drops such boxes", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corner_within_rounding_of_the_edge_is_inside_and_cut_to_it()
    {
        // x_max = 0.9000004 + 0.1 = 1.0000004: within 1e-6 of the edge (Albumentations' np.isclose).
        var (boxes, _) = YoloLabels.Instance.Read("0 0.9000004 0.5 0.2 0.2", Path, 100, 100, Strict);

        AssertBox(new BoundingBox(80.00004, 40, 100, 60), Assert.Single(boxes).Box, 1e-6);
    }

    [Fact]
    public void A_corner_beyond_rounding_of_the_edge_is_outside()
    {
        var error = Assert.Throws<InvalidLabelsException>(() => YoloLabels.Instance.Read("0 0.90001 0.5 0.2 0.2", Path, 100, 100, Strict));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Clip_cuts_boxes_that_reach_outside_to_the_image()
    {
        var clip = Strict with { Clip = true };
        // (0.95 +- 0.1) * 100 is 85..105, cut to 85..100; 1.2 wide about the centre is -10..110, cut to 0..100.
        var (boxes, invalid) = YoloLabels.Instance.Read("0 0.95 0.5 0.2 0.2\n1 0.5 0.5 1.2 1.2\n2 0.5 0.5 0.2 0.2", Path, 100, 100, clip);

        Assert.Empty(invalid);
        Assert.Equal(3, boxes.Count);
        AssertBox(new BoundingBox(85, 40, 100, 60), boxes[0].Box);
        AssertBox(new BoundingBox(0, 0, 100, 100), boxes[1].Box);
        AssertBox(new BoundingBox(40, 40, 60, 60), boxes[2].Box);
    }

    [Fact]
    public void Clip_does_not_excuse_a_box_of_zero_size()
    {
        var clip = Strict with { Clip = true };

        var error = Assert.Throws<InvalidLabelsException>(() => YoloLabels.Instance.Read("0 0.5 0.5 0.2 0.2\n0 0.5 0.5 0.2 0", Path, 100, 100, clip));

        Assert.Equal(2, error.Line);
        Assert.Contains("zero or negative size", error.Reason, StringComparison.Ordinal);
    }

    // Albumentations (albumentations/core/bbox_utils.py, BboxProcessor.preprocess): with clip, boxes
    // are clipped to [0, 1] first; filter_invalid_bboxes then runs filter_bboxes, which drops a box
    // with no area left, and check_bboxes raises on any remaining box with x_max <= x_min. So a box
    // wholly outside the image is never kept as a zero-width box, clip or not.
    [Fact]
    public void Clip_with_filter_invalid_bboxes_drops_a_box_wholly_outside_the_image()
    {
        var settings = Strict with { Clip = true, FilterInvalidBboxes = true };

        var (boxes, invalid) = YoloLabels.Instance.Read("0 0.5 0.5 0.2 0.2\n1 1.5 0.5 0.2 0.2", Path, 100, 100, settings);

        Assert.Equal([1], boxes.Select(b => b.Line));
        var dropped = Assert.Single(invalid);
        Assert.Equal(2, dropped.Source.Line);
        Assert.Equal(DropReason.Invalid, dropped.Dropped);
    }

    [Fact]
    public void Clip_without_filter_invalid_bboxes_rejects_a_box_wholly_outside_the_image()
    {
        var settings = Strict with { Clip = true };

        var error = Assert.Throws<InvalidLabelsException>(() => YoloLabels.Instance.Read("0 0.5 0.5 0.2 0.2\n1 1.5 0.5 0.2 0.2", Path, 100, 100, settings));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Filter_invalid_bboxes_drops_invalid_boxes_into_the_invalid_list()
    {
        var settings = Strict with { FilterInvalidBboxes = true };
        var text = "0 0.5 0.5 0.2 0.4\n4 0.5 0.5 0 0.1\n\n5 0.95 0.5 0.2 0.2\n6 0.5 0.5 0.3 -0.1\n1 0.25 0.75 0.1 0.2\n";

        var (boxes, invalid) = YoloLabels.Instance.Read(text, Path, 200, 100, settings);

        Assert.Equal([1, 6], boxes.Select(b => b.Line));
        Assert.Equal([0, 4], boxes.Select(b => b.Index)); // positions among all the source's objects
        AssertBox(new BoundingBox(80, 30, 120, 70), boxes[0].Box);
        AssertBox(new BoundingBox(40, 65, 60, 85), boxes[1].Box);

        Assert.Equal([2, 4, 5], invalid.Select(f => f.Source.Line));
        Assert.Equal([1, 2, 3], invalid.Select(f => f.Source.Index));
        Assert.Equal(["4", "5", "6"], invalid.Select(f => f.Source.Class));
        Assert.All(invalid, f =>
        {
            Assert.Equal(DropReason.Invalid, f.Dropped);
            Assert.False(f.Kept);
            Assert.Null(f.Output);
            Assert.Equal(0, f.Run);
        });
    }

    [Fact]
    public void Filter_invalid_bboxes_does_not_excuse_a_malformed_line()
    {
        var settings = Strict with { FilterInvalidBboxes = true };

        var error = Assert.Throws<InvalidLabelsException>(() => YoloLabels.Instance.Read("0 0.5 0.5 0.2 0.4\ncat 0.5 0.5 0.2 0.2", Path, 100, 100, settings));

        Assert.Equal(2, error.Line);
        Assert.Contains("not a non-negative integer", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_normalises_by_the_output_size_with_six_decimals()
    {
        LabeledBox[] boxes =
        [
            new(0, "0", new BoundingBox(80, 30, 120, 70), 1),
            new(1, "12", new BoundingBox(0, 0, 200, 100), 2),
            new(2, "3", new BoundingBox(10, 20, 11, 23), 3),
        ];

        var text = Encoding.UTF8.GetString(YoloLabels.Instance.Write(boxes, new LabelTarget("images/a.png", 200, 100, 3)));

        // (10 + 11) / 2 / 200 = 0.0525; (20 + 23) / 2 / 100 = 0.215; 1 / 200 = 0.005; 3 / 100 = 0.03.
        Assert.Equal("0 0.500000 0.500000 0.200000 0.400000\n12 0.500000 0.500000 1.000000 1.000000\n3 0.052500 0.215000 0.005000 0.030000\n", text);
    }

    [Fact]
    public void Write_of_no_boxes_is_an_empty_file()
    {
        Assert.Empty(YoloLabels.Instance.Write([], new LabelTarget("images/a.png", 640, 480, 3)));
    }

    [Theory]
    [InlineData(640, 480)]
    [InlineData(333, 777)]
    [InlineData(1, 1)]
    public void Write_then_read_gives_the_boxes_back_within_a_millionth(int width, int height)
    {
        var random = new Random(width * 31 + height);
        var boxes = Enumerable.Range(0, 50).Select(i =>
        {
            // Corners anywhere in the image, at least a hundredth of it wide and high.
            var (x0, y0) = (random.NextDouble() * 0.5, random.NextDouble() * 0.5);
            var (w, h) = (0.01 + (random.NextDouble() * 0.49), 0.01 + (random.NextDouble() * 0.49));
            var box = new BoundingBox(x0 * width, y0 * height, (x0 + w) * width, (y0 + h) * height);
            return new LabeledBox(i, (i % 7).ToString(CultureInfo.InvariantCulture), box, i + 1);
        }).ToList();

        var written = Encoding.UTF8.GetString(YoloLabels.Instance.Write(boxes, new LabelTarget("images/a.png", width, height, 3)));
        var (read, invalid) = YoloLabels.Instance.Read(written, Path, width, height, Strict);

        Assert.Empty(invalid);
        Assert.Equal(boxes.Count, read.Count);
        for (var i = 0; i < boxes.Count; i++)
        {
            var (expected, actual) = (boxes[i].Box, read[i].Box);
            Assert.Equal(boxes[i].Class, read[i].Class);
            Assert.Equal(i + 1, read[i].Line);
            Assert.Equal(expected.XMin / width, actual.XMin / width, 1e-6);
            Assert.Equal(expected.XMax / width, actual.XMax / width, 1e-6);
            Assert.Equal(expected.YMin / height, actual.YMin / height, 1e-6);
            Assert.Equal(expected.YMax / height, actual.YMax / height, 1e-6);
        }
    }

    private static void AssertBox(BoundingBox expected, BoundingBox actual, double tolerance = Tolerance)
    {
        Assert.Equal(expected.XMin, actual.XMin, tolerance);
        Assert.Equal(expected.YMin, actual.YMin, tolerance);
        Assert.Equal(expected.XMax, actual.XMax, tolerance);
        Assert.Equal(expected.YMax, actual.YMax, tolerance);
    }
}
