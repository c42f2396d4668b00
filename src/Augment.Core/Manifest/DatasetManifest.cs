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
    /// times that as a JObject tree. Each item is made by its function (its JSON, or its text from
    /// the previous manifest as a <see cref="JRaw"/>), a few hundred at a time in parallel (reading
    /// and parsing records is most of the work), and written in order. Leaves the file alone when it
    /// already holds these bytes.
    /// </summary>
    public static void Write(
        string path, int schema, string tool, string openCv, string engine, string configSha256, ulong seed,
        IEnumerable<(string Image, Func<JToken> Item)> items)
    {
        const int BatchSize = 256;
        var sorted = items.OrderBy(i => i.Image, StringComparer.Ordinal).Select(i => i.Item).ToList();
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
            var batch = new JToken[BatchSize];
            for (var start = 0; start < sorted.Count; start += BatchSize)
            {
                var count = Math.Min(BatchSize, sorted.Count - start);
                // Items are turned into their text in parallel, at the depth they are written at
                // (inside the object and its items array), so that the writer only copies text.
                Parallel.For(0, count, i => batch[i] = AsText(sorted[start + i]()));
                for (var i = 0; i < count; i++)
                {
                    batch[i].WriteTo(writer);
                    batch[i] = null!;
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            text.Write('\n');
        });
    }

    private static JRaw AsText(JToken item)
    {
        if (item is JRaw raw)
        {
            return raw;
        }

        // Each line after the first is indented for the item's depth, 2: two levels of two spaces.
        var text = item.ToString(Formatting.Indented);
        return new JRaw(text.Replace("\n", "\n    ", StringComparison.Ordinal));
    }

    /// <summary>The manifest at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static DatasetManifest? TryRead(string path)
    {
        try
        {
            var json = KeyRecord.ParseRecord(File.ReadAllText(path)); // dates stay the text they are
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
