using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Cache;

/// <summary>What the cache holds for one item key: the objects of its files and its item record.</summary>
public sealed record KeyRecord(string Image, IReadOnlyList<string> Masks, JObject Record);

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
            var json = JObject.Parse(File.ReadAllText(PathOf(key)));
            var record = new KeyRecord(
                json.Value<string>("image") ?? string.Empty,
                ((JArray?)json["masks"] ?? []).Select(t => t.Value<string>() ?? string.Empty).ToList(),
                (JObject?)json["record"] ?? []);
            return store.Contains(record.Image) && record.Masks.All(store.Contains) ? record : null;
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
            ["record"] = record.Record,
        };
        AtomicFile.WriteText(PathOf(key), json.ToString(Formatting.None), durable);
    }

    private string PathOf(string key) => Path.Combine(store.Root, "keys", key[..2], key[2..] + ".json");
}
