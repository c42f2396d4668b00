using Augment.Core.Labels;
using Augment.Core.Manifest;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Dataset;

/// <summary>
/// The output dataset's one COCO file (<c>output.coco</c>), assembled at the end of a build from the
/// manifest's items as the manifest itself is: images in output-name order with ids 1, 2, ... in that
/// order, each kept box an annotation (ids in the same order), the source's categories, info and
/// licenses copied. A box's <c>area</c> is its box's; segmentations are not carried (docs/labels.md).
/// </summary>
internal static class CocoOutput
{
    private static readonly string[] ImageFieldsNotCopied = ["id", "file_name", "width", "height", "coco_url", "flickr_url"];

    public static string Text(CocoIndex source, IEnumerable<(OutputItem Output, ManifestItem Item, CocoEntry? Entry)> items)
    {
        var images = new JArray();
        var annotations = new JArray();
        var (imageId, annotationId) = (0, 0);
        foreach (var (output, item, entry) in items.OrderBy(i => i.Output.Image, StringComparer.Ordinal))
        {
            imageId++;
            var size = item.Record["size"] as JArray ?? throw new InvalidOperationException($"the record of {output.Image} has no size; build with --force");
            var image = new JObject { ["id"] = imageId, ["file_name"] = output.Image, ["width"] = size[0], ["height"] = size[1] };
            foreach (var field in entry?.Image.Properties().Where(p => !ImageFieldsNotCopied.Contains(p.Name)) ?? [])
            {
                image[field.Name] = field.Value.DeepClone();
            }

            images.Add(image);
            foreach (var box in (item.Record["boxes"] as JArray ?? []).OfType<JObject>().Where(b => b["bbox"] is JArray))
            {
                var b = ((JArray)box["bbox"]!).Select(v => (double)v).ToArray();
                var (w, h) = (Round(b[2] - b[0]), Round(b[3] - b[1]));
                var annotation = new JObject
                {
                    ["id"] = ++annotationId,
                    ["image_id"] = imageId,
                    ["category_id"] = long.Parse(box.Value<string>("class")!, System.Globalization.CultureInfo.InvariantCulture),
                    ["bbox"] = new JArray(b[0], b[1], w, h),
                    ["area"] = Round(w * h),
                    ["iscrowd"] = 0,
                };
                if (box["keypoints"] is JArray points)
                {
                    annotation["keypoints"] = points.DeepClone();
                    annotation["num_keypoints"] = points.Where((_, i) => i % 3 == 2).Count(v => (int)v > 0);
                }

                foreach (var attribute in (box["attributes"] as JObject)?.Properties() ?? [])
                {
                    annotation[attribute.Name] = attribute.Value.DeepClone();
                }

                annotations.Add(annotation);
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

    private static double Round(double v) => Math.Round(v, 3, MidpointRounding.ToEven);
}
