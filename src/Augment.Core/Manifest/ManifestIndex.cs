using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Manifest;

/// <summary>
/// A manifest read for a build, not for people: the header and every item without its ops, read
/// with System.Text.Json's reader, and where each item's text lies in the file, so that a build
/// that rewrites the manifest copies the items it did not change (same key, same bytes) as they are
/// instead of parsing and re-serialising them. A 1,000-item manifest is read in milliseconds.
/// </summary>
public sealed class ManifestIndex
{
    private readonly byte[] _bytes;
    private readonly Dictionary<string, (int Start, int Length, string Key)> _items;

    private ManifestIndex(byte[] bytes, DatasetManifest manifest, Dictionary<string, (int, int, string)> items)
    {
        _bytes = bytes;
        Manifest = manifest;
        _items = items;
    }

    /// <summary>The header and the items; each item's <see cref="ManifestItem.Record"/> holds its seed and passes, not its ops.</summary>
    public DatasetManifest Manifest { get; }

    /// <summary>The manifest at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static ManifestIndex? TryRead(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return Read(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The item's JSON text as the file has it, when the file holds the item with this key.</summary>
    public string? ItemText(string image, string key) =>
        _items.TryGetValue(image, out var at) && at.Key == key ? Encoding.UTF8.GetString(_bytes, at.Start, at.Length) : null;

    private static ManifestIndex Read(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        Expect(ref reader, JsonTokenType.StartObject);
        var (schema, tool, openCv, engine, configSha, seed) = (0, string.Empty, string.Empty, string.Empty, string.Empty, 0UL);
        var items = new List<ManifestItem>();
        var positions = new Dictionary<string, (int, int, string)>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            Next(ref reader);
            switch (name)
            {
                case "schema": schema = reader.GetInt32(); break;
                case "tool": tool = reader.GetString() ?? string.Empty; break;
                case "opencv": openCv = reader.GetString() ?? string.Empty; break;
                case "engine": engine = reader.GetString() ?? string.Empty; break;
                case "configSha256": configSha = reader.GetString() ?? string.Empty; break;
                case "seed": seed = reader.GetUInt64(); break;
                case "items":
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new InvalidDataException("items is not an array");
                    }

                    while (Next(ref reader) == JsonTokenType.StartObject)
                    {
                        var start = (int)reader.TokenStartIndex;
                        var item = ReadItem(ref reader);
                        items.Add(item);
                        positions[item.Image] = (start, (int)reader.BytesConsumed - start, item.Key);
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new ManifestIndex(bytes, new DatasetManifest(schema, tool, openCv, engine, configSha, seed, items), positions);
    }

    // One item object, the reader on its StartObject; leaves it on the matching EndObject.
    private static ManifestItem ReadItem(ref Utf8JsonReader reader)
    {
        var (image, sourceImage, variant, key, seed, passes) = (string.Empty, string.Empty, 0, string.Empty, (string?)null, 0);
        var (labels, sourceLabels) = ((string?)null, (string?)null);
        List<string> masks = [], sourceMasks = [];
        Dictionary<string, string> sourceSha = new(StringComparer.Ordinal), sha = new(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            Next(ref reader);
            switch (name)
            {
                case "image": image = reader.GetString() ?? string.Empty; break;
                case "masks": masks = Strings(ref reader); break;
                case "labels" when reader.TokenType == JsonTokenType.String: labels = reader.GetString(); break;
                case "source":
                    while (Next(ref reader) == JsonTokenType.PropertyName)
                    {
                        var part = reader.GetString();
                        Next(ref reader);
                        if (part == "image")
                        {
                            sourceImage = reader.GetString() ?? string.Empty;
                        }
                        else if (part == "masks")
                        {
                            sourceMasks = Strings(ref reader);
                        }
                        else if (part == "labels")
                        {
                            sourceLabels = reader.GetString();
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                case "sourceSha256": sourceSha = Map(ref reader); break;
                case "variant": variant = reader.GetInt32(); break;
                case "seed": seed = reader.GetString(); break;
                case "key": key = reader.GetString() ?? string.Empty; break;
                case "passes": passes = reader.GetInt32(); break;
                case "sha256": sha = Map(ref reader); break;
                default: reader.Skip(); break; // ops
            }
        }

        return new ManifestItem(image, masks, sourceImage, sourceMasks, sourceSha, variant, key, new JObject { ["seed"] = seed, ["passes"] = passes }, sha)
        {
            Labels = labels,
            SourceLabels = sourceLabels,
        };
    }

    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        var values = new List<string>();
        while (Next(ref reader) == JsonTokenType.String)
        {
            values.Add(reader.GetString()!);
        }

        return values;
    }

    private static Dictionary<string, string> Map(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            Next(ref reader);
            map[name] = reader.GetString() ?? string.Empty;
        }

        return map;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("the manifest ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new InvalidDataException($"the manifest has {reader.TokenType} where {type} belongs");
        }
    }
}
