using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Augment.Core.Cache;
using Augment.Core.Diagnostics;
using Augment.Core.Platform;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Dataset;

/// <summary>
/// A build's use of a shared HTTP cache (docs/distributed.md) behind its local cache folder: read
/// through (items the local cache lacks are fetched before anything renders), write through (what
/// the build rendered is uploaded after it is durable here). Shards also upload their key-record
/// pack as one object, named by the dataset and the shard, so that a gather asks once per shard,
/// not once per item. Every object fetched is checked against its SHA-256; a corrupt one is
/// reported and its item renders here (and its upload replaces it). A server that cannot be reached
/// or fails is one warning and local work, unless the cache is required.
/// </summary>
internal sealed partial class SharedCache(HttpCache http, ContentStore store, KeyStore keys, bool required, IBuildObserver? observer)
{
    private readonly ConcurrentQueue<string> _warnings = new();
    private int _down;
    private int _downloaded;
    private int _uploaded;
    private int _packs;

    public string Display => http.Display;

    /// <summary>What went wrong with the shared cache that did not fail the build, in the order it happened.</summary>
    public IReadOnlyList<string> Warnings => [.. _warnings];

    /// <summary>Items fetched from the shared cache.</summary>
    public int Downloaded => _downloaded;

    /// <summary>Items uploaded to the shared cache (their objects and key records).</summary>
    public int Uploaded => _uploaded;

    /// <summary>Shard packs read from the shared cache.</summary>
    public int PacksRead => _packs;

    private bool Down => Volatile.Read(ref _down) != 0;

    /// <summary>What names a dataset's shard packs: the config, the tool and the engine (the keys of its items depend on them).</summary>
    public static string DatasetId(string configSha256, string tool, string engine) =>
        Sha256($"augment.build/dataset/v1\nconfig={configSha256}\ntool={tool}\nengine={engine}\n");

    /// <summary>One request before the build's work: wrong credentials fail now; an unreachable server is the one warning.</summary>
    public void Probe(CancellationToken cancellation) =>
        Guarded(() => http.ContainsAsync("ac", Sha256("augment.build/probe"), cancellation)).GetAwaiter().GetResult();

    /// <summary>
    /// Fetches the items <paramref name="plans"/> would render that the shared cache holds, and
    /// returns the plans with those restored instead. Shard packs first (a request per shard), then
    /// a key record per item that no pack lists, then the objects, all in parallel.
    /// <paramref name="withObjects"/> false (a shard): only the key records, to know that the shared
    /// cache has the item and to list it in the shard's pack.
    /// </summary>
    public IReadOnlyList<ItemPlan> Fetch(IReadOnlyList<ItemPlan> plans, string datasetId, bool withObjects, CancellationToken cancellation)
    {
        var wanted = Enumerable.Range(0, plans.Count).Where(i => plans[i] is { Action: ItemAction.Render, Key: not null } p && p.Reason != ItemReason.Forced).ToList();
        if (wanted.Count == 0 || Down)
        {
            return plans;
        }

        using (BuildProfile.Measure("fetch.packs"))
        {
            List<ShardPointer> pointers;
            using (BuildProfile.Measure("fetch.packs.import"))
            {
                pointers = ImportPacks(datasetId, cancellation);
            }

            if (withObjects)
            {
                FetchBundles(pointers, [.. wanted.Select(i => plans[i].Key!)], cancellation);
            }
        }

        var found = new KeyRecord?[plans.Count];
        var fromRecords = new ConcurrentBag<(string Key, KeyRecord Record)>();
        var done = 0;
        using (BuildProfile.Measure("fetch.items"))
        {
            Run(wanted, cancellation, async (i, token) =>
            {
                var (record, fromPack) = await FetchItem(plans[i], withObjects, token).ConfigureAwait(false);
                found[i] = record;
                if (record is not null && !fromPack)
                {
                    fromRecords.Add((plans[i].Key!, record));
                }

                observer?.Fetched(Interlocked.Increment(ref done), wanted.Count);
            });
        }

        // The objects are durable before any key record names them (PRODUCT.md section 10).
        using var syncing = BuildProfile.Measure("fetch.sync");
        NativeFiles.TrySyncFileSystem(store.Root);
        foreach (var (key, record) in fromRecords)
        {
            keys.Write(key, record, durable: false);
        }

        NativeFiles.TrySyncFileSystem(store.Root);
        _downloaded = found.Count(r => r is not null);
        return [.. plans.Select((p, i) => found[i] is { } r ? p with { Action = ItemAction.Restore, Cached = r with { Record = null } } : p)];
    }

    /// <summary>Uploads each item's objects, then its key record. <paramref name="unlessPresent"/>: ask first whether the server has the key record.</summary>
    public void Publish(IReadOnlyList<(string Key, KeyRecord Record)> items, bool unlessPresent, CancellationToken cancellation)
    {
        var upload = StartUpload(unlessPresent, cancellation);
        foreach (var (key, record) in items)
        {
            upload.Add(key, record);
        }

        upload.Complete();
    }

    /// <summary>
    /// Uploads items as they are handed over (a build hands each over once it is durable locally),
    /// <see cref="HttpCache.Parallelism"/> at once, while the build goes on; <see cref="Upload.Complete"/> waits for the rest.
    /// </summary>
    public Upload StartUpload(bool unlessPresent, CancellationToken cancellation) => new(this, unlessPresent, cancellation);

    /// <summary>Items on their way to the shared cache.</summary>
    internal sealed class Upload
    {
        private readonly SharedCache _cache;
        private readonly bool _unlessPresent;
        private readonly CancellationToken _cancellation;
        private readonly System.Threading.Channels.Channel<(string Key, KeyRecord Record)> _queue =
            System.Threading.Channels.Channel.CreateUnbounded<(string, KeyRecord)>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = false });
        private readonly Task[] _workers;

        public Upload(SharedCache cache, bool unlessPresent, CancellationToken cancellation)
        {
            (_cache, _unlessPresent, _cancellation) = (cache, unlessPresent, cancellation);
            _workers = [.. Enumerable.Range(0, HttpCache.Parallelism).Select(_ => Task.Run(Work, CancellationToken.None))];
        }

        public void Add(string key, KeyRecord record) => _queue.Writer.TryWrite((key, record));

        /// <summary>Waits until everything handed over is uploaded (or the server was given up on).</summary>
        public void Complete()
        {
            _queue.Writer.TryComplete();
            try
            {
                Task.WaitAll(_workers, CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); // refused credentials, or a required cache gone
            }
        }

        private async Task Work()
        {
            await foreach (var (key, record) in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (_cache.Down || _cancellation.IsCancellationRequested)
                {
                    continue; // drained, not sent
                }

                await _cache.Guarded(async () =>
                {
                    await _cache.UploadItem(key, record, _unlessPresent, _cancellation).ConfigureAwait(false);
                    return true;
                }).ConfigureAwait(false);
            }
        }
    }

    private async Task UploadItem(string key, KeyRecord record, bool unlessPresent, CancellationToken token)
    {
        if (unlessPresent && await http.ContainsAsync("ac", key, token).ConfigureAwait(false))
        {
            return;
        }

        if (keys.TryReadBytes(key) is not { } json)
        {
            return; // not in the local cache after all (it was never written): nothing to share
        }

        foreach (var sha in record.Objects)
        {
            await http.PutAsync("cas", sha, await File.ReadAllBytesAsync(store.PathOf(sha), token).ConfigureAwait(false), token).ConfigureAwait(false);
        }

        await http.PutAsync("ac", key, json, token).ConfigureAwait(false);
        Interlocked.Increment(ref _uploaded);
    }

    private async Task<(KeyRecord? Record, bool FromPack)> FetchItem(ItemPlan plan, bool withObjects, CancellationToken token)
    {
        var key = plan.Key!;
        var fromPack = true;
        var json = keys.TryReadBytes(key);
        if (json is null)
        {
            fromPack = false;
            json = await http.GetAsync("ac", key, token).ConfigureAwait(false);
            if (json is null)
            {
                return (null, false);
            }
        }

        if (Parse(json) is not { } parsed || KeyRecord.FromJson(parsed) is not { } record || parsed["record"] is not JObject ||
            record.Objects.Count != plan.Output.Files.Count)
        {
            Warn($"the key record {key} of {plan.Output.Image} in the cache at {http.Display} is not one; rendering the item here");
            return (null, false);
        }

        foreach (var sha in withObjects ? record.Objects.Distinct(StringComparer.Ordinal) : [])
        {
            if (store.Contains(sha))
            {
                continue;
            }

            if (await GetObject(sha, plan.Output.Image, token).ConfigureAwait(false) is not { } bytes)
            {
                return (null, false);
            }

            using (BuildProfile.Measure("fetch.store"))
            {
                store.PutChecked(bytes, sha, durable: false);
            }
        }

        return (record, fromPack);
    }

    // An object's bytes, checked against its name; a corrupt or truncated one is reported, never used.
    private async Task<byte[]?> GetObject(string sha, string what, CancellationToken token)
    {
        byte[]? bytes;
        using (BuildProfile.Measure("fetch.get"))
        {
            bytes = await http.GetAsync("cas", sha, token).ConfigureAwait(false);
        }

        using var checking = BuildProfile.Measure("fetch.check");
        if (bytes is not null && Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha)
        {
            Warn($"the object {sha} of {what} from the cache at {http.Display} is corrupt ({bytes.Length} bytes that do not hash to its name); not used, rendered here");
            return null;
        }

        return bytes;
    }

    // Runs the requests in parallel. The first failure of the server turns the cache off for the rest
    // of the build (one warning); refused credentials fail the build.
    private void Run(IReadOnlyList<int> work, CancellationToken cancellation, Func<int, CancellationToken, Task> request)
    {
        Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = HttpCache.Parallelism, CancellationToken = cancellation }, async (i, token) =>
        {
            if (!Down)
            {
                await Guarded(async () =>
                {
                    await request(i, token).ConfigureAwait(false);
                    return true;
                }).ConfigureAwait(false);
            }
        }).GetAwaiter().GetResult();
    }

    private async Task<T?> Guarded<T>(Func<Task<T>> request)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (SharedCacheUnavailableException e)
        {
            if (required)
            {
                throw new SharedCacheUnavailableException(e.Message + " (--cache-required)");
            }

            if (Interlocked.Exchange(ref _down, 1) == 0)
            {
                Warn($"{e.Message}; the build goes on without it");
            }

            return default;
        }
    }

    private void Warn(string message) => _warnings.Enqueue(message);

    private static JObject? Parse(byte[] json)
    {
        try
        {
            return KeyRecord.ParseRecord(Encoding.UTF8.GetString(json));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
