using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Augment.Core.Labels;

/// <summary>
/// Pascal VOC annotation files: one <c>&lt;annotation&gt;</c> per image with its <c>&lt;size&gt;</c> and an
/// <c>&lt;object&gt;</c> per box (<c>name</c>, <c>bndbox</c> with <c>xmin ymin xmax ymax</c> in pixels).
/// Coordinates are read as Albumentations' <c>pascal_voc</c> reads them: pixel-edge coordinates, as
/// given (no 1-based shift). An object's other fields (<c>pose</c>, <c>truncated</c>, <c>difficult</c>,
/// <c>occluded</c>) are written back unchanged; a file whose size disagrees with its image is an error.
/// </summary>
public sealed class VocLabels : LabelFormat
{
    public static VocLabels Instance { get; } = new();

    private static readonly string[] CopiedFields = ["pose", "truncated", "difficult", "occluded"];

    public override string Name => "pascal_voc";

    public override string Extension => ".xml";

    public override (List<LabeledBox> Boxes, List<BoxFate> Invalid) Read(string text, string path, int width, int height, BoxParams settings, KeypointParams? keypoints = null)
    {
        XDocument document;
        try
        {
            // No DTD, no external entities: a label file is data, never a fetch.
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidLabelsException(path, e.LineNumber, $"not well-formed XML: {e.Message}");
        }

        var root = document.Root!;
        if (root.Name.LocalName != "annotation")
        {
            throw new InvalidLabelsException(path, Line(root), $"a VOC file's root element is <annotation>, not <{root.Name.LocalName}>");
        }

        if (root.Element("size") is { } size)
        {
            var (w, h) = (Integer(size, "width", path), Integer(size, "height", path));
            if (w != width || h != height)
            {
                throw new InvalidLabelsException(path, Line(size), $"the file says the image is {w}x{h}, but it is {width}x{height}");
            }
        }

        var boxes = new List<LabeledBox>();
        var invalid = new List<BoxFate>();
        foreach (var element in root.Elements("object"))
        {
            var name = element.Element("name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new InvalidLabelsException(path, Line(element), "the object has no <name> (its class)");
            }

            var bndbox = element.Element("bndbox") ?? throw new InvalidLabelsException(path, Line(element), $"the object '{name}' has no <bndbox>");
            var (x0, y0, x1, y1) = (Number(bndbox, "xmin", path), Number(bndbox, "ymin", path), Number(bndbox, "xmax", path), Number(bndbox, "ymax", path));
            var attributes = CopiedFields.Select(f => element.Element(f) is { } e ? new KeyValuePair<string, string>(f, e.Value.Trim()) : default)
                .Where(p => p.Key is not null).ToList();
            var box = new LabeledBox(boxes.Count + invalid.Count, name, new BoundingBox(x0, y0, x1, y1), Line(element), attributes);
            var problem = x1 <= x0 || y1 <= y0 ? $"the box of '{name}' has zero or negative size (xmin {x0}, xmax {x1}, ymin {y0}, ymax {y1})"
                : !settings.Clip && !box.Box.IsInside(width, height) ? $"the box of '{name}' ({x0} {y0} {x1} {y1}) reaches outside the {width}x{height} image; set bbox_params.clip: true to cut it to the image"
                : null;
            SourceBoxes.Add(box, problem, path, width, height, settings, boxes, invalid);
        }

        return (boxes, invalid);
    }

    public override byte[] Write(IEnumerable<LabeledBox> boxes, LabelTarget target)
    {
        var annotation = new XElement("annotation",
            new XElement("filename", Path.GetFileName(target.ImageFile)),
            new XElement("size", new XElement("width", target.Width), new XElement("height", target.Height), new XElement("depth", target.Channels)),
            boxes.Select(b => new XElement("object",
                new XElement("name", b.Class),
                (b.Attributes ?? []).Select(a => new XElement(a.Key, a.Value)),
                new XElement("bndbox", new XElement("xmin", Coordinate(b.Box.XMin)), new XElement("ymin", Coordinate(b.Box.YMin)),
                    new XElement("xmax", Coordinate(b.Box.XMax)), new XElement("ymax", Coordinate(b.Box.YMax))))));
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            annotation.WriteTo(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    // Two decimals, as annotation tools that write fractional VOC coordinates do; whole pixels stay whole.
    private static string Coordinate(double v) => Math.Round(v, 2, MidpointRounding.ToEven).ToString("0.##", CultureInfo.InvariantCulture);

    private static int Line(XElement element) => ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : 0;

    private static double Number(XElement parent, string name, string path)
    {
        var element = parent.Element(name) ?? throw new InvalidLabelsException(path, Line(parent), $"<{parent.Name.LocalName}> has no <{name}>");
        return double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new InvalidLabelsException(path, Line(element), $"<{name}> '{element.Value.Trim()}' is not a number");
    }

    private static int Integer(XElement parent, string name, string path)
    {
        var element = parent.Element(name) ?? throw new InvalidLabelsException(path, Line(parent), $"<{parent.Name.LocalName}> has no <{name}>");
        return int.TryParse(element.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidLabelsException(path, Line(element), $"<{name}> '{element.Value.Trim()}' is not a whole number of pixels");
    }
}
