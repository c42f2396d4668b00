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

    public override (List<LabeledBox> Boxes, List<BoxFate> Invalid) Read(string text, string path, int width, int height, BoxParams settings)
    {
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
            if (fields.Length != 5)
            {
                throw new InvalidLabelsException(path, n + 1, $"a YOLO line is 'class cx cy w h' (5 fields), not {fields.Length} field(s): '{Shorten(line)}'");
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
            var labeled = new LabeledBox(boxes.Count + invalid.Count, classId.ToString(CultureInfo.InvariantCulture), box, n + 1);
            var problem = w <= 0 || h <= 0 ? $"the box has zero or negative size (w {fields[3]}, h {fields[4]})"
                : !settings.Clip && !InUnitSquare(cx, cy, w, h) ? $"the box ({fields[1]} {fields[2]} {fields[3]} {fields[4]}) reaches outside the image; set bbox_params.clip: true to cut it to the image"
                : null;
            SourceBoxes.Add(labeled, problem, path, width, height, settings, boxes, invalid);
        }

        return (boxes, invalid);
    }

    /// <summary>The kept boxes as a YOLO file for the output image (empty when none is kept: an image with no objects).</summary>
    public override byte[] Write(IEnumerable<LabeledBox> boxes, LabelTarget target)
    {
        var (width, height) = (target.Width, target.Height);
        var text = new StringBuilder();
        foreach (var (_, @class, box, _, _) in boxes)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{@class} {(box.XMin + box.XMax) / 2 / width:F6} {(box.YMin + box.YMax) / 2 / height:F6} {box.Width / width:F6} {box.Height / height:F6}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static readonly string[] Names = ["cx", "cy", "w", "h"];

    // Albumentations accepts a corner within rounding of 0 or 1 (np.isclose); so does this.
    private const double Tolerance = 1e-6;

    private static bool InUnitSquare(double cx, double cy, double w, double h) =>
        cx - (w / 2) >= -Tolerance && cy - (h / 2) >= -Tolerance && cx + (w / 2) <= 1 + Tolerance && cy + (h / 2) <= 1 + Tolerance;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
