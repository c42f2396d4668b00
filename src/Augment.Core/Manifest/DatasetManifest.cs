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

    /// <summary>
    /// Writes the manifest of <paramref name="items"/> (in any order; written sorted by image) to
    /// <paramref name="path"/> item by item, byte for byte what <see cref="ToText"/> gives, without
    /// holding the whole document in memory: a 10,000-item manifest is some 15 MB of text and ten
    /// times that as a JObject tree. Leaves the file alone when it already holds these bytes.
    /// </summary>
    public static void Write(
        string path, int schema, string tool, string openCv, string engine, string configSha256, ulong seed,
        IEnumerable<(string Image, Func<ManifestItem> Item)> items)
    {
        AtomicFile.WriteIfChanged(path, stream =>
        {
            using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            using var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented };
            writer.WriteStartObject();
            writer.WritePropertyName("schema");
            writer.WriteValue(schema);
            writer.WritePropertyName("tool");
            writer.WriteValue(tool);
            writer.WritePropertyName("opencv");
            writer.WriteValue(openCv);
            writer.WritePropertyName("engine");
            writer.WriteValue(engine);
            writer.WritePropertyName("configSha256");
            writer.WriteValue(configSha256);
            writer.WritePropertyName("seed");
            writer.WriteValue(seed);
            writer.WritePropertyName("items");
            writer.WriteStartArray();
            foreach (var (_, item) in items.OrderBy(i => i.Image, StringComparer.Ordinal))
            {
                item().ToJson().WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            text.Write('\n');
        });
    }

    /// <summary>
    /// The manifest without the items' records (seed, passes, ops), read item by item: what a build
    /// needs to say why an item changed, for a fraction of the memory of <see cref="TryRead"/>. The
    /// records of the items <paramref name="keepRecord"/> names are kept, as compact JSON text.
    /// </summary>
    public static (DatasetManifest Manifest, Dictionary<string, string> Records)? TryReadIndex(string path, Func<string, string, bool>? keepRecord = null)
    {
        try
        {
            using var file = new StreamReader(path, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16);
            using var reader = new JsonTextReader(file) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            var header = new JObject();
            var items = new List<ManifestItem>();
            var records = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                reader.Read();
                if (name != "items")
                {
                    header[name] = JToken.ReadFrom(reader);
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonToken.StartObject)
                {
                    var json = JObject.Load(reader);
                    var image = json.Value<string>("image") ?? string.Empty;
                    var key = json.Value<string>("key") ?? string.Empty;
                    if (keepRecord?.Invoke(image, key) == true)
                    {
                        records[image] = new JObject { ["seed"] = json["seed"], ["passes"] = json["passes"], ["ops"] = json["ops"] }.ToString(Formatting.None);
                    }

                    json.Remove("ops");
                    items.Add(ManifestItem.FromJson(json));
                }
            }

            var manifest = new DatasetManifest(
                header.Value<int>("schema"),
                header.Value<string>("tool") ?? string.Empty,
                header.Value<string>("opencv") ?? string.Empty,
                header.Value<string>("engine") ?? string.Empty,
                header.Value<string>("configSha256") ?? string.Empty,
                header.Value<ulong>("seed"),
                items);
            return (manifest, records);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidCastException or FormatException)
        {
            return null;
        }
    }

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
