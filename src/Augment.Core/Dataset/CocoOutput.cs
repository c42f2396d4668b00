using Augment.Core.Labels;
using Augment.Core.Manifest;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Dataset;

/// <summary>
/// The output dataset's one COCO file (<c>output.coco</c>), assembled at the end of a build from the
/// manifest's items as the manifest itself is: images in output-name order with ids 1, 2, ... in that
/// order, each item's <c>labels</c> (its annotations) numbered in the same order, the source's
/// categories, info and licenses copied. A box's <c>area</c> is its box's; segmentations are not
/// carried (docs/labels.md).
/// </summary>
internal static class CocoOutput
{
    private static readonly string[] ImageFieldsNotCopied = ["id", "file_name", "width", "height", "coco_url", "flickr_url"];

    public static string Text(CocoIndex source, IEnumerable<(string Image, ManifestItem Item, CocoEntry? Entry)> items)
    {
        var images = new JArray();
        var annotations = new JArray();
        var (imageId, annotationId) = (0, 0);
        foreach (var (name, item, entry) in items.OrderBy(i => i.Image, StringComparer.Ordinal))
        {
            imageId++;
            var size = item.Record["size"] as JArray ?? throw new InvalidOperationException($"the record of {name} has no size; build with --force");
            var image = new JObject { ["id"] = imageId, ["file_name"] = name, ["width"] = size[0], ["height"] = size[1] };
            foreach (var field in entry?.Image.Properties().Where(p => !ImageFieldsNotCopied.Contains(p.Name)) ?? [])
            {
                image[field.Name] = field.Value.DeepClone();
            }

            images.Add(image);
            foreach (var annotation in (item.Record["labels"] as JArray ?? []).OfType<JObject>())
            {
                var numbered = new JObject { ["id"] = ++annotationId, ["image_id"] = imageId };
                numbered.Merge(annotation.DeepClone());
                annotations.Add(numbered);
            }
        }

        var root = new JObject();
        foreach (var copied in new[] { "info", "licenses" })
        {
            if (source.Root[copied] is { } value)
            {
                root[copied] = value.DeepClone();
            }
        }

        root["images"] = images;
        root["annotations"] = annotations;
        root["categories"] = source.Root["categories"]?.DeepClone() ?? new JArray();
        return root.ToString(Formatting.None) + "\n";
    }

    /// <summary>
    /// An item's kept boxes as COCO annotations without ids (the manifest's <c>labels</c> of the item):
    /// <c>category_id</c>, <c>bbox</c> to a thousandth, <c>area</c> the box's, <c>iscrowd</c> and the
    /// annotation's other fields, its keypoints with <c>num_keypoints</c>.
    /// </summary>
    public static JArray Annotations(IEnumerable<LabeledBox> kept) => new(kept.Select(box =>
    {
        var (x, y, w, h) = (Round(box.Box.XMin), Round(box.Box.YMin), Round(box.Box.Width), Round(box.Box.Height));
        var annotation = new JObject
        {
            ["category_id"] = long.Parse(box.Class, System.Globalization.CultureInfo.InvariantCulture),
            ["bbox"] = new JArray(x, y, w, h),
            ["area"] = Round(w * h),
            ["iscrowd"] = 0,
        };
        foreach (var (name, value) in box.Attributes ?? [])
        {
            annotation[name] = ParseValue(value);
        }

        if (box.Keypoints is { } points)
        {
            annotation["keypoints"] = new JArray(points.SelectMany(p => new JToken[] { Round(p.X), Round(p.Y), p.Visibility }));
            annotation["num_keypoints"] = points.Count(p => p.IsLabelled);
        }

        return annotation;
    }));

    private static double Round(double v) => Math.Round(v, 3, MidpointRounding.ToEven);

    // A field's JSON text as written: no date parsing, so no time zone can change it.
    private static JToken ParseValue(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return JToken.ReadFrom(reader);
    }
}
