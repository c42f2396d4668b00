using Newtonsoft.Json.Linq;

namespace Augment.Core.Manifest;

/// <summary>
/// One output item in manifest.json: its files (relative to the output folder), its sources
/// (relative to the config) with their hashes, variant, derived seed, key, passes, every op with its
/// exact parameters, and the output hashes. <see cref="Record"/> is the item record's JSON
/// (seed, passes, ops).
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
    public JObject ToJson() => new()
    {
        ["image"] = Image,
        ["masks"] = new JArray(Masks),
        ["source"] = new JObject { ["image"] = SourceImage, ["masks"] = new JArray(SourceMasks) },
        ["sourceSha256"] = Sorted(SourceSha256),
        ["variant"] = Variant,
        ["seed"] = Record["seed"]?.DeepClone(),
        ["key"] = Key,
        ["passes"] = Record["passes"]?.DeepClone(),
        ["ops"] = Record["ops"]?.DeepClone() ?? new JArray(),
        ["sha256"] = Sorted(Sha256),
    };

    public static ManifestItem FromJson(JObject json) => new(
        json.Value<string>("image") ?? string.Empty,
        Strings(json["masks"]),
        json["source"]?.Value<string>("image") ?? string.Empty,
        Strings(json["source"]?["masks"]),
        Map(json["sourceSha256"]),
        json.Value<int>("variant"),
        json.Value<string>("key") ?? string.Empty,
        new JObject { ["seed"] = json["seed"]?.DeepClone(), ["passes"] = json["passes"]?.DeepClone(), ["ops"] = json["ops"]?.DeepClone() },
        Map(json["sha256"]));

    private static JObject Sorted(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new JProperty(p.Key, p.Value)));

    private static List<string> Strings(JToken? token) => token is JArray array ? array.Select(t => t.Value<string>() ?? string.Empty).ToList() : [];

    private static Dictionary<string, string> Map(JToken? token) =>
        token is JObject obj ? obj.Properties().ToDictionary(p => p.Name, p => p.Value.Value<string>() ?? string.Empty, StringComparer.Ordinal) : [];
}
