using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Labels;

/// <summary>
/// One COCO file for the whole dataset (docs/labels.md, "COCO"), read once per build: its images by
/// <c>file_name</c>, each with its annotations, and the categories, info and licenses that the
/// output's <c>instances.json</c> copies. An image's <see cref="CocoEntry.Sha256"/> hashes its own
/// record and annotations without their ids, so an edit to other images' entries (or a renumbering)
/// changes no other item's key. An annotation whose <c>image_id</c> names no image is an error of the
/// file (<see cref="Orphans"/>), not of any item.
/// </summary>
public sealed class CocoIndex
{
    private static readonly string[] BoxFields = ["id", "image_id", "bbox", "category_id", "area", "segmentation", "keypoints", "num_keypoints"];

    private CocoIndex(string path, JObject root, Dictionary<string, CocoEntry> entries, List<InvalidLabelsException> orphans)
    {
        FilePath = path;
        Root = root;
        Entries = entries;
        Orphans = orphans;
    }

    public string FilePath { get; }

    /// <summary>The file's top level (info, licenses, categories are copied from it).</summary>
    public JObject Root { get; }

    public IReadOnlyDictionary<string, CocoEntry> Entries { get; }

    public IReadOnlyList<InvalidLabelsException> Orphans { get; }

    public static CocoIndex Parse(string text, string path)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException e)
        {
            throw new InvalidLabelsException(path, e.LineNumber, $"not a COCO file: {e.Message}");
        }

        var images = root["images"] as JArray ?? throw new InvalidLabelsException(path, Line(root), "a COCO file has an 'images' list");
        var byId = new Dictionary<long, (string FileName, JObject Image, List<JObject> Annotations)>();
        var entries = new Dictionary<string, (JObject Image, List<JObject> Annotations)>(StringComparer.Ordinal);
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i] as JObject ?? throw new InvalidLabelsException(path, Line(images[i]), $"images[{i}] is not an object");
            var id = Id(image["id"], path, $"images[{i}].id");
            var fileName = image["file_name"] is JValue { Type: JTokenType.String } name ? (string)name! : throw new InvalidLabelsException(path, Line(image), $"images[{i}] has no file_name");
            if (!byId.TryAdd(id, (fileName, image, [])))
            {
                throw new InvalidLabelsException(path, Line(image), $"images[{i}].id {id} is also the id of {byId[id].FileName}");
            }

            if (!entries.TryAdd(fileName, (image, byId[id].Annotations)))
            {
                throw new InvalidLabelsException(path, Line(image), $"images[{i}].file_name '{fileName}' is listed twice");
            }
        }

        var orphans = new List<InvalidLabelsException>();
        var annotations = root["annotations"] as JArray ?? [];
        for (var i = 0; i < annotations.Count; i++)
        {
            var annotation = annotations[i] as JObject ?? throw new InvalidLabelsException(path, Line(annotations[i]), $"annotations[{i}] is not an object");
            annotation.AddAnnotation(new CocoPath($"annotations[{i}]"));
            var imageId = Id(annotation["image_id"], path, $"annotations[{i}].image_id");
            if (byId.TryGetValue(imageId, out var owner))
            {
                owner.Annotations.Add(annotation);
            }
            else
            {
                orphans.Add(new InvalidLabelsException(path, Line(annotation), $"annotations[{i}].image_id {imageId} names no image of the file"));
            }
        }

        return new CocoIndex(path, root, entries.ToDictionary(e => e.Key, e => new CocoEntry(e.Key, e.Value.Image, e.Value.Annotations), StringComparer.Ordinal), orphans);
    }

    /// <summary>An image's boxes (pixel-edge boxes from COCO's <c>[x, y, width, height]</c>, the class its <c>category_id</c>).</summary>
    public (List<LabeledBox> Boxes, List<BoxFate> Invalid) Read(CocoEntry entry, int width, int height, BoxParams settings, KeypointParams? keypoints = null)
    {
        if (entry.Image["width"] is JValue { Type: JTokenType.Integer } w && entry.Image["height"] is JValue { Type: JTokenType.Integer } h &&
            (w.Value is not long fw || h.Value is not long fh || fw != width || fh != height))
        {
            throw new InvalidLabelsException(FilePath, Line(entry.Image), $"{entry.FileName}: the file says the image is {w}x{h}, but it is {width}x{height}");
        }

        var boxes = new List<LabeledBox>();
        var invalid = new List<BoxFate>();
        foreach (var annotation in entry.Annotations)
        {
            var where = annotation.Annotation<CocoPath>()!.Path;
            var values = annotation["bbox"] is JArray { Count: 4 } bbox && bbox.All(v => v.Type is JTokenType.Integer or JTokenType.Float)
                ? bbox.Select(v => (double)v).ToArray()
                : throw new InvalidLabelsException(FilePath, Line(annotation), $"{where}.bbox is not [x, y, width, height]");
            var category = annotation["category_id"] is JValue { Type: JTokenType.Integer, Value: long c }
                ? c.ToString(CultureInfo.InvariantCulture)
                : throw new InvalidLabelsException(FilePath, Line(annotation), $"{where}.category_id is not an integer");
            var attributes = annotation.Properties().Where(p => !BoxFields.Contains(p.Name))
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString(Formatting.None))).ToList();
            var (x, y, bw, bh) = (values[0], values[1], values[2], values[3]);
            var points = keypoints is null ? null : Keypoints(annotation, where, keypoints);
            var box = new LabeledBox(boxes.Count + invalid.Count, category, new BoundingBox(x, y, x + bw, y + bh), Line(annotation), attributes, points);
            var problem = bw <= 0 || bh <= 0 ? $"{where}: the box has zero or negative size ({bw}x{bh})"
                : !settings.Clip && !box.Box.IsInside(width, height) ? $"{where}: the box [{x}, {y}, {bw}, {bh}] reaches outside the {width}x{height} image; set bbox_params.clip: true to cut it to the image"
                : null;
            SourceBoxes.Add(box, problem, FilePath, width, height, settings, boxes, invalid, keypoints);
        }

        // Errors named the file's lines; what the manifest records is each annotation's place among its
        // image's (from 1), which no edit of another image moves, as the item's key does not see them.
        return (boxes.Select(b => b with { Line = b.Index + 1 }).ToList(), invalid.Select(f => f with { Source = f.Source with { Line = f.Source.Index + 1 } }).ToList());
    }

    // COCO's keypoints: [x1, y1, v1, x2, y2, v2, ...] in pixels (v 0: not labelled); none when the annotation has none.
    private List<Keypoint> Keypoints(JObject annotation, string where, KeypointParams shape)
    {
        if (annotation["keypoints"] is not JArray values)
        {
            return [];
        }

        if (values.Count % 3 != 0 || values.Any(v => v.Type is not (JTokenType.Integer or JTokenType.Float)) || (shape.Count > 0 && values.Count != shape.Count * 3))
        {
            throw new InvalidLabelsException(FilePath, Line(annotation),
                $"{where}.keypoints is not a list of [x, y, v] triplets{(shape.Count > 0 ? $" ({shape.Count} of them, keypoint_params.kpt_shape)" : string.Empty)}");
        }

        var points = new List<Keypoint>(values.Count / 3);
        for (var i = 0; i < values.Count; i += 3)
        {
            var v = (double)values[i + 2];
            if (v is not (0 or 1 or 2))
            {
                throw new InvalidLabelsException(FilePath, Line(annotation), $"{where}.keypoints[{i + 2}]: the visibility {v} is not 0, 1 or 2");
            }

            points.Add(v == 0 ? Keypoint.Unlabelled : new Keypoint((double)values[i], (double)values[i + 1], (int)v));
        }

        return points;
    }

    private static long Id(JToken? token, string path, string where) =>
        token is JValue { Type: JTokenType.Integer, Value: long v } ? v : throw new InvalidLabelsException(path, Line(token), $"{where} is not an integer of at most 19 digits");

    internal static int Line(JToken? token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private sealed record CocoPath(string Path);
}

/// <summary>One image of a COCO file: its record and annotations, and the hash an item key takes of them.</summary>
public sealed class CocoEntry(string fileName, JObject image, IReadOnlyList<JObject> annotations)
{
    public string FileName { get; } = fileName;

    public JObject Image { get; } = image;

    public IReadOnlyList<JObject> Annotations { get; } = annotations;

    /// <summary>SHA-256 of the image's record and its annotations, compact, without their ids.</summary>
    public string Sha256 { get; } = Hash(image, annotations);

    private static string Hash(JObject image, IReadOnlyList<JObject> annotations)
    {
        static JObject WithoutIds(JObject o, params string[] ids)
        {
            var copy = (JObject)o.DeepClone();
            foreach (var id in ids)
            {
                copy.Remove(id);
            }

            return copy;
        }

        var text = new JArray(WithoutIds(image, "id"), new JArray(annotations.Select(a => WithoutIds(a, "id", "image_id")))).ToString(Formatting.None);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
