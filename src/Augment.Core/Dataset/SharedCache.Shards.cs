using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Augment.Core.Cache;
using Augment.Core.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Dataset;

/// <summary>
/// What shards leave for a gather (docs/distributed.md, "The shared cache"): per shard a pointer
/// record, under a key made from the dataset and the shard, that names the shard's key-record pack
/// and its bundle (<see cref="ShardBundle"/>: its objects in one object); and a count record that
/// says how many shards there were. A gather reads the count, the pointers and the packs, then the
/// bundles it needs, a request each, before it asks for anything item by item.
/// </summary>
internal sealed partial class SharedCache
{
    /// <summary>A shard's pointer record: its pack, and its bundle with how many objects it holds.</summary>
    internal sealed record ShardPointer(Shard Shard, string Pack, IReadOnlyList<string> Keys, string? Bundle, int BundleObjects);

    /// <summary>
    /// Uploads the shard's key records as one pack object and its objects as one bundle, then the
    /// records that name them and the shard count. Returns the pack's SHA-256, or null.
    /// </summary>
    public string? PublishShardPack(string datasetId, Shard shard, IReadOnlyList<string> itemKeys, CancellationToken cancellation)
    {
        if (Down)
        {
            return null;
        }

        using var pack = new MemoryStream();
        var count = 0;
        var objects = new List<(string Sha256, string Path)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in itemKeys)
        {
            if (keys.TryReadBytes(key) is { } json && Parse(json) is { } parsed && KeyRecord.FromJson(parsed) is { } record)
            {
                pack.Write(KeyStore.PackLine(key, json));
                count++;
                objects.AddRange(record.Objects.Where(seen.Add).Where(store.Contains).Select(sha => (sha, store.PathOf(sha))));
            }
        }

        var bytes = pack.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var (bundle, length) = ShardBundle.Measure(objects);
        var shards = Encoding.UTF8.GetBytes(new JObject { ["shards"] = shard.Count }.ToString(Formatting.None));
        var stored = Guarded(async () =>
        {
            string? bundled = null;
            try
            {
                await http.PutAsync("cas", bundle, () => new ShardBundle.Content(objects, length), length, cancellation).ConfigureAwait(false);
                bundled = bundle;
            }
            catch (SharedCacheUnavailableException e) when (!required && e.Status is >= 400 and < 500)
            {
                // A server that refuses a body this large (413) still takes the rest: the gather then fetches object by object.
                Warn($"{e.Message}; the shard's bundle of {objects.Count} objects ({length:N0} bytes) is not there, so a gather fetches them one by one");
            }

            var pointer = Encoding.UTF8.GetBytes(new JObject
            {
                ["shard"] = shard.ToString(), ["pack"] = sha, ["items"] = count, ["bundle"] = bundled, ["bundleObjects"] = objects.Count, ["bundleBytes"] = length,
            }.ToString(Formatting.None));
            await http.PutAsync("cas", sha, bytes, cancellation).ConfigureAwait(false);
            await http.PutAsync("ac", ShardKey(datasetId, shard), pointer, cancellation).ConfigureAwait(false);
            await http.PutAsync("ac", CountKey(datasetId), shards, cancellation).ConfigureAwait(false);
            return true;
        }).GetAwaiter().GetResult();
        return stored ? sha : null;
    }

    private static string CountKey(string datasetId) => Sha256($"augment.build/shard-count/v1\n{datasetId}\n");

    private static string ShardKey(string datasetId, Shard shard) => Sha256($"augment.build/shard-pack/v1\n{datasetId}\n{shard}\n");

    // The packs the last sharded build of this dataset left (the count record names how many), imported into the local key store.
    private List<ShardPointer> ImportPacks(string datasetId, CancellationToken cancellation)
    {
        var pointers = new ConcurrentBag<ShardPointer>();
        var countJson = Guarded(() => http.GetAsync("ac", CountKey(datasetId), cancellation)).GetAwaiter().GetResult();
        var count = countJson is not null && Parse(countJson)?["shards"] is { Type: JTokenType.Integer } countToken ? countToken.Value<long>() : 0;
        if (count is < 1 or > 100_000)
        {
            return []; // no sharded build of this dataset (or a record that is not one)
        }

        Run(Enumerable.Range(0, (int)count).ToList(), cancellation, async (i, token) =>
        {
            var shard = new Shard(i, (int)count);
            var json = await http.GetAsync("ac", ShardKey(datasetId, shard), token).ConfigureAwait(false);
            if (json is null || Parse(json) is not { } pointer || pointer.Value<string>("pack") is not { } sha || !KeyRecord.IsSha256(sha))
            {
                return; // that shard has not finished (or never ran): its items are asked for one by one
            }

            if (await GetObject(sha, $"the key-record pack of shard {shard}", token).ConfigureAwait(false) is { } pack)
            {
                keys.Import(pack, sha);
                Interlocked.Increment(ref _packs);
                var bundle = pointer.Value<string>("bundle") is { } b && KeyRecord.IsSha256(b) ? b : null;
                pointers.Add(new ShardPointer(shard, sha, [.. KeyStore.ReadPack(pack).Select(l => l.Key)], bundle, pointer.Value<int?>("bundleObjects") ?? 0));
            }
        });
        return [.. pointers.OrderBy(p => p.Shard.Index)];
    }

    // The bundles of the shards whose items this build mostly needs (at least half of a pack's
    // items), a request each; what they do not deliver is fetched object by object after. The
    // decision counts keys, not objects, so no record is read for it; a bundle's objects that this
    // build does not need are still stored, as objects of the same dataset that its shard made.
    private void FetchBundles(IReadOnlyList<ShardPointer> pointers, IReadOnlyList<string> wantedKeys, CancellationToken cancellation)
    {
        var wantedSet = wantedKeys.ToHashSet(StringComparer.Ordinal);
        var useful = pointers.Where(p => p.Bundle is not null && p.BundleObjects > 0 && p.Keys.Count(wantedSet.Contains) * 2 >= p.Keys.Count).ToList();
        var taken = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        using var fetching = BuildProfile.Measure("fetch.bundles");
        Run([.. Enumerable.Range(0, useful.Count)], cancellation, async (i, token) =>
        {
            var pointer = useful[i];
            await http.GetStreamAsync("cas", pointer.Bundle!, async (stream, limit) =>
            {
                await ShardBundle.ReadAsync(
                    stream,
                    sha => !store.Contains(sha) && taken.TryAdd(sha, 0),
                    (sha, bytes) => store.PutChecked(bytes, sha, durable: false),
                    sha => Warn($"the bundle {pointer.Bundle} of shard {pointer.Shard} from the cache at {http.Display} holds a corrupt object {sha}; its objects from there on are fetched one by one"),
                    limit).ConfigureAwait(false);
            }, token).ConfigureAwait(false);
        });
    }
}
