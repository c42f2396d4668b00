using Augment.Core.Cache;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Manifest;

/// <summary>
/// manifest.json (PRODUCT.md section 7): the tool, OpenCV and schema versions, the config hash and
/// seed, and every output item, sorted by image, written atomically in a stable order so it diffs well.
/// </summary>
public sealed record DatasetManifest(
    int Schema, string Tool, string OpenCv, string Engine, string ConfigSha256, ulong Seed, IReadOnlyList<ManifestItem> Items)
{
    public const string FileName = "manifest.json";

    public string ToText()
    {
        var json = new JObject
        {
            ["schema"] = Schema,
            ["tool"] = Tool,
            ["opencv"] = OpenCv,
            ["engine"] = Engine,
            ["configSha256"] = ConfigSha256,
            ["seed"] = Seed,
            ["items"] = new JArray(Items.OrderBy(i => i.Image, StringComparer.Ordinal).Select(i => i.ToJson())),
        };
        return json.ToString(Formatting.Indented) + "\n";
    }

    public void Write(string path) => AtomicFile.WriteTextIfChanged(path, ToText());

    /// <summary>The manifest at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static DatasetManifest? TryRead(string path)
    {
        try
        {
            var json = JObject.Parse(File.ReadAllText(path));
            return new DatasetManifest(
                json.Value<int>("schema"),
                json.Value<string>("tool") ?? string.Empty,
                json.Value<string>("opencv") ?? string.Empty,
                json.Value<string>("engine") ?? string.Empty,
                json.Value<string>("configSha256") ?? string.Empty,
                json.Value<ulong>("seed"),
                ((JArray?)json["items"] ?? []).Cast<JObject>().Select(ManifestItem.FromJson).ToList());
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidCastException or FormatException)
        {
            return null;
        }
    }
}
