using System.Globalization;
using System.Text;

namespace Augment.Core.Labels;

/// <summary>
/// YOLO label files: one line per object, <c>class cx cy w h</c>, the centre and size normalised by
/// the image's width and height; blank lines are skipped. Read into pixel-edge boxes of the image,
/// written back normalised by the output image's size, six decimals, in the source's order.
/// </summary>
public sealed class YoloLabels : LabelFormat
{
    public static YoloLabels Instance { get; } = new();

    public override string Name => "yolo";

    public override string Extension => ".txt";

    public override (List<LabeledBox> Boxes, List<BoxFate> Invalid) Read(string text, string path, int width, int height, BoxParams settings, KeypointParams? keypoints = null)
    {
        var fieldCount = 5 + (keypoints is null ? 0 : keypoints.Count * keypoints.Dims);
        var boxes = new List<LabeledBox>();
        var invalid = new List<BoxFate>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != fieldCount)
            {
                throw new InvalidLabelsException(path, n + 1, keypoints is null
                    ? $"a YOLO line is 'class cx cy w h' (5 fields), not {fields.Length} field(s): '{Shorten(line)}'"
                    : $"a YOLO-pose line of kpt_shape [{keypoints.Count}, {keypoints.Dims}] is 'class cx cy w h' and {keypoints.Count} keypoints of {keypoints.Dims} values ({fieldCount} fields), not {fields.Length} field(s): '{Shorten(line)}'");
            }

            if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var classId))
            {
                throw new InvalidLabelsException(path, n + 1, $"the class id '{Shorten(fields[0])}' is not a non-negative integer");
            }

            var values = new double[4];
            for (var i = 0; i < 4; i++)
            {
                if (!double.TryParse(fields[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                {
                    throw new InvalidLabelsException(path, n + 1, $"{Names[i]} '{Shorten(fields[i + 1])}' is not a number");
                }
            }

            var (cx, cy, w, h) = (values[0], values[1], values[2], values[3]);
            var box = new BoundingBox((cx - (w / 2)) * width, (cy - (h / 2)) * height, (cx + (w / 2)) * width, (cy + (h / 2)) * height);
            var labeled = new LabeledBox(boxes.Count + invalid.Count, classId.ToString(CultureInfo.InvariantCulture), box, n + 1,
                Keypoints: keypoints is null ? null : ReadKeypoints(fields, keypoints, path, n + 1, width, height));
            var problem = w <= 0 || h <= 0 ? $"the box has zero or negative size (w {fields[3]}, h {fields[4]})"
                : !settings.Clip && !InUnitSquare(cx, cy, w, h) ? $"the box ({fields[1]} {fields[2]} {fields[3]} {fields[4]}) reaches outside the image; set bbox_params.clip: true to cut it to the image"
                : null;
            SourceBoxes.Add(labeled, problem, path, width, height, settings, boxes, invalid, keypoints);
        }

        return (boxes, invalid);
    }

    /// <summary>The kept boxes as a YOLO file for the output image (empty when none is kept: an image with no objects).</summary>
    public override byte[] Write(IEnumerable<LabeledBox> boxes, LabelTarget target)
    {
        var (width, height) = (target.Width, target.Height);
        var text = new StringBuilder();
        foreach (var (_, @class, box, _, _, keypoints) in boxes)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{@class} {(box.XMin + box.XMax) / 2 / width:F6} {(box.YMin + box.YMax) / 2 / height:F6} {box.Width / width:F6} {box.Height / height:F6}");
            foreach (var point in keypoints ?? [])
            {
                var (x, y) = point.IsLabelled ? (point.X / width, point.Y / height) : (0, 0);
                text.Append(CultureInfo.InvariantCulture, $" {x:F6} {y:F6}");
                if (target.KeypointDims == 3)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {point.Visibility}");
                }
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static readonly string[] Names = ["cx", "cy", "w", "h"];

    // YOLO-pose: after the box, kpt_shape[0] keypoints of x y (and v), normalised; (0, 0) with two
    // values, or v 0, is a keypoint that is not labelled.
    private static List<Keypoint> ReadKeypoints(string[] fields, KeypointParams shape, string path, int line, int width, int height)
    {
        var points = new List<Keypoint>(shape.Count);
        for (var k = 0; k < shape.Count; k++)
        {
            var values = new double[shape.Dims];
            for (var d = 0; d < shape.Dims; d++)
            {
                var field = fields[5 + (k * shape.Dims) + d];
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out values[d]) || !double.IsFinite(values[d]))
                {
                    throw new InvalidLabelsException(path, line, $"keypoint {k}: '{Shorten(field)}' is not a number");
                }
            }

            var visibility = shape.Dims == 3 ? (int)values[2] : values[0] == 0 && values[1] == 0 ? 0 : 2;
            if (shape.Dims == 3 && (values[2] != visibility || visibility is < 0 or > 2))
            {
                throw new InvalidLabelsException(path, line, $"keypoint {k}: the visibility '{fields[5 + (k * 3) + 2]}' is not 0, 1 or 2");
            }

            points.Add(visibility == 0 ? Keypoint.Unlabelled : new Keypoint(values[0] * width, values[1] * height, visibility));
        }

        return points;
    }

    // Albumentations accepts a corner within rounding of 0 or 1 (np.isclose); so does this.
    private const double Tolerance = 1e-6;

    private static bool InUnitSquare(double cx, double cy, double w, double h) =>
        cx - (w / 2) >= -Tolerance && cy - (h / 2) >= -Tolerance && cx + (w / 2) <= 1 + Tolerance && cy + (h / 2) <= 1 + Tolerance;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
