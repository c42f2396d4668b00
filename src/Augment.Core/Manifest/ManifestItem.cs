using Newtonsoft.Json.Linq;

namespace Augment.Core.Manifest;

/// <summary>
/// One output item in manifest.json: its files (relative to the output folder), its sources
/// (relative to the config) with their hashes, variant, derived seed, key, passes, every op with its
/// exact parameters, and the output hashes. <see cref="Record"/> is the item record's JSON
/// (seed, passes, ops, and for an item with labels its boxes). An item with labels names its
/// output label file (<see cref="Labels"/>) and its source's (<see cref="SourceLabels"/>); with COCO,
/// <c>labels</c> is the item's annotations (the record's) and the source is the COCO file's entry.
/// </summary>
public sealed record ManifestItem(
    string Image,
    IReadOnlyList<string> Masks,
    string SourceImage,
    IReadOnlyList<string> SourceMasks,
    IReadOnlyDictionary<string, string> SourceSha256,
    int Variant,
    string Key,
    JObject Record,
    IReadOnlyDictionary<string, string> Sha256)
{
    public string? Labels { get; init; }

    public string? SourceLabels { get; init; }

    /// <summary>Every output file of the item: image, masks, label file.</summary>
    public IReadOnlyList<string> Files => Labels is null ? [Image, .. Masks] : [Image, .. Masks, Labels];

    public JObject ToJson()
    {
        var json = new JObject { ["image"] = Image, ["masks"] = new JArray(Masks) };
        var source = new JObject { ["image"] = SourceImage, ["masks"] = new JArray(SourceMasks) };
        if (Labels is not null || Record["labels"] is JArray)
        {
            json["labels"] = Labels is not null ? Labels : Record["labels"]!.DeepClone();
            source["labels"] = SourceLabels;
        }

        json["source"] = source;
        json["sourceSha256"] = Sorted(SourceSha256);
        json["variant"] = Variant;
        json["seed"] = Record["seed"]?.DeepClone();
        json["key"] = Key;
        json["passes"] = Record["passes"]?.DeepClone();
        json["ops"] = Record["ops"]?.DeepClone() ?? new JArray();
        if (Record["boxes"] is { Type: not JTokenType.Null } boxes)
        {
            json["boxes"] = boxes.DeepClone();
        }

        if (Record["size"] is { Type: not JTokenType.Null } size)
        {
            json["size"] = size.DeepClone();
        }

        json["sha256"] = Sorted(Sha256);
        return json;
    }

    public static ManifestItem FromJson(JObject json) => new(
        json.Value<string>("image") ?? string.Empty,
        Strings(json["masks"]),
        json["source"]?.Value<string>("image") ?? string.Empty,
        Strings(json["source"]?["masks"]),
        Map(json["sourceSha256"]),
        json.Value<int>("variant"),
        json.Value<string>("key") ?? string.Empty,
        new JObject { ["seed"] = json["seed"]?.DeepClone(), ["passes"] = json["passes"]?.DeepClone(), ["ops"] = json["ops"]?.DeepClone(), ["boxes"] = json["boxes"]?.DeepClone(), ["size"] = json["size"]?.DeepClone(),
            ["labels"] = json["labels"] is JArray annotations ? annotations.DeepClone() : null },
        Map(json["sha256"]))
    {
        Labels = json["labels"] is JValue { Type: JTokenType.String } labels ? (string?)labels : null,
        SourceLabels = json["source"]?.Value<string>("labels"),
    };

    private static JObject Sorted(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new JProperty(p.Key, p.Value)));

    private static List<string> Strings(JToken? token) => token is JArray array ? array.Select(t => t.Value<string>() ?? string.Empty).ToList() : [];

    private static Dictionary<string, string> Map(JToken? token) =>
        token is JObject obj ? obj.Properties().ToDictionary(p => p.Name, p => p.Value.Value<string>() ?? string.Empty, StringComparer.Ordinal) : [];
}
