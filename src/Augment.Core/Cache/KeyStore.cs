using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Cache;

/// <summary>
/// What the cache holds for one item key: the objects of its files and its item record, as compact
/// JSON text (a build holds one per item until it writes the manifest; text is a tenth of a JObject).
/// The record is null when a build found the item up to date from the output record alone and did
/// not read it.
/// </summary>
public sealed record KeyRecord(string Image, IReadOnlyList<string> Masks, string? Record)
{
    /// <summary>The record as a JObject (dates and numbers read back exactly as written).</summary>
    public static JObject ParseRecord(string record)
    {
        using var reader = new JsonTextReader(new StringReader(record)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return JObject.Load(reader);
    }
}

/// <summary>
/// Key records (keys/ab/cdef....json) beside the content store's objects: a key whose record and
/// objects are present is materialised without rendering. Written after its objects, atomically,
/// so a record never names an object that is not there.
/// </summary>
public sealed class KeyStore(ContentStore store)
{
    public ContentStore Store => store;

    public KeyRecord? TryRead(string key)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(File.ReadAllText(PathOf(key)))) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            var json = JObject.Load(reader);
            var record = new KeyRecord(
                json.Value<string>("image") ?? string.Empty,
                ((JArray?)json["masks"] ?? []).Select(t => t.Value<string>() ?? string.Empty).ToList(),
                json["record"]?.ToString(Formatting.None) ?? "{}");
            return store.Contains(record.Image) && record.Masks.All(store.Contains) ? record : null;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>Only the item record of a key record (for the manifest), or null when there is none.</summary>
    public JObject? TryReadItemRecord(string key)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(PathOf(key))) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            return JObject.Load(reader)["record"] as JObject;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidCastException)
        {
            return null;
        }
    }

    /// <param name="durable">fsync the record; a build writes them after its objects are synced and syncs them in groups.</param>
    public void Write(string key, KeyRecord record, bool durable = true)
    {
        var json = new JObject
        {
            ["image"] = record.Image,
            ["masks"] = new JArray(record.Masks),
            ["record"] = new JRaw(record.Record ?? throw new ArgumentException("a key record is written with its item record", nameof(record))),
        };
        AtomicFile.WriteText(PathOf(key), json.ToString(Formatting.None), durable);
    }

    private string PathOf(string key) => Path.Combine(store.Root, "keys", key[..2], key[2..] + ".json");
}
