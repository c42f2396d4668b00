using System.Security.Cryptography;
using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Diagnostics;
using Augment.Core.Engine;
using Augment.Core.Manifest;

namespace Augment.Core.Dataset;

/// <summary>
/// One shard of a build spread over machines (docs/distributed.md): the items of the sources
/// <see cref="Shard.Holds"/> picks, rendered into the cache only. No output folder, no manifest,
/// no lock: shards share a cache folder or an HTTP cache safely, since objects are written under
/// temporary names and every process appends key records to a pack of its own. With an HTTP cache,
/// the shard asks it for the key records of what it would render (another run may have done it),
/// uploads what it rendered and what its local cache held that the server lacks, and last its pack:
/// the key records of all its items as one object, which a gather reads in one request.
/// </summary>
internal static class ShardBuilder
{
    public static BuildReport Build(string configPath, BuildOptions options, Shard shard)
    {
        var loading = BuildProfile.Measure("load");
        var config = AugmentConfigLoader.Load(configPath);
        var layout = BuildLayout.ForShard(config, options) ?? throw new ArgumentException(
            $"--shard {shard}: a shard's work reaches the gather only through a shared cache; pass --cache-dir (a shared folder) or --cache-url, or set {BuildLayout.CacheVariable} or {HttpCache.UrlVariable}");
        var sources = InputScanner.Scan(config, layout.OutputDir, new HashSet<string>(StringComparer.Ordinal));
        // Names come from every source (a collision is an error whichever shard runs), items from this shard's.
        var outputs = OutputNaming.Name(config, sources).Where(o => shard.Holds(o.Source.Image)).ToList();
        var hashes = FileHashCache.Load(layout.InputHashesPath); // read, never written: the output folder is not the shard's
        var store = new ContentStore(layout.CacheDir);
        using var keys = new KeyStore(store);
        var configSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configPath)));
        var coco = CocoSource.For(config, hashes);
        loading.Dispose();
        var planning = BuildProfile.Measure("plan");
        var plans = new DatasetPlanner(config, layout, hashes, keys, OutputRecord.Load(Path.Combine(layout.CacheDir, "no-output-record")), new Lazy<DatasetManifest?>(() => null), options.Force, options.Jobs, coco)
            .Plan(outputs, configSha);
        planning.Dispose();
        var localHits = plans.Where(p => p.Action is ItemAction.Restore or ItemAction.UpToDate).ToList();
        if (options.DryRun)
        {
            return Report(layout, plans, plans, [], null, null, options, shard);
        }

        using var http = options.CacheUrl is { } url ? new HttpCache(url, options.CacheToken) : null;
        var shared = http is null ? null : new SharedCache(http, store, keys, options.CacheRequired, options.Observer);
        var datasetId = SharedCache.DatasetId(configSha, DatasetPlanner.ToolVersion, EngineFingerprint.Current.Sha256);
        var checkedPlans = plans;
        if (shared is not null)
        {
            using var fetching = BuildProfile.Measure("fetch");
            shared.Probe(options.Cancellation);
            checkedPlans = shared.Fetch(plans, datasetId, withObjects: false, options.Cancellation);
        }

        if (options.RequireCached)
        {
            checkedPlans = [.. checkedPlans.Select(p => DatasetBuilder.NotCachedFails(p, config.Directory))];
        }

        options.Observer?.Planned(
            checkedPlans.Count(p => p.Action == ItemAction.Render), 0, checkedPlans.Count(p => p.Action != ItemAction.Render && p.Action != ItemAction.Failed),
            checkedPlans.Count(p => p.Action == ItemAction.Failed));
        var toRun = checkedPlans.Where(p => p.Action is ItemAction.Render or ItemAction.Failed).ToList();
        List<(ItemPlan Plan, KeyRecord? Record, BuildError? Error)> done;
        var upload = shared?.StartUpload(unlessPresent: false, options.Cancellation);
        using (BuildProfile.Measure("execute"))
        {
            done = ItemExecutor.Execute(config, layout, store, keys, toRun, options, coco, writeOutputs: false, upload is null ? null : (plan, record) => upload.Add(plan.Key!, record));
        }

        string? pack = null;
        if (shared is not null)
        {
            using var uploading = BuildProfile.Measure("upload");
            upload!.Complete();
            shared.Publish([.. localHits.Select(p => (p.Key!, p.Cached!))], unlessPresent: true, options.Cancellation);
            var failed = done.Where(d => d.Error is not null).Select(d => d.Plan.Key).ToHashSet(StringComparer.Ordinal);
            pack = shared.PublishShardPack(datasetId, shard, [.. checkedPlans.Where(p => p.Key is not null && !failed.Contains(p.Key)).Select(p => p.Key!)], options.Cancellation);
        }

        return Report(layout, plans, checkedPlans, done, shared, pack, options, shard);
    }

    private static BuildReport Report(
        BuildLayout layout, IReadOnlyList<ItemPlan> plans, IReadOnlyList<ItemPlan> checkedPlans, IReadOnlyList<(ItemPlan Plan, KeyRecord? Record, BuildError? Error)> done,
        SharedCache? shared, string? pack, BuildOptions options, Shard shard)
    {
        var errors = done.Where(d => d.Error is not null).Select(d => d.Error!).Distinct().ToList();
        var planned = checkedPlans.Select(p => new PlannedItem(p.Output.Image, p.Output.Variant, p.Output.Source.Image, p.Action, p.Reason)).ToList();
        return new BuildReport(
            layout.OutputDir, planned, done.Count(d => d.Record is not null && d.Plan.Action == ItemAction.Render), 0,
            checkedPlans.Count(p => p.Action is ItemAction.Restore or ItemAction.UpToDate), 0, errors, 0,
            options.DryRun ? plans.Count(p => p.Action == ItemAction.Failed) : done.Count(d => d.Error is not null))
        {
            Shard = shard,
            CacheDir = layout.CacheDir,
            CacheUrl = shared?.Display,
            Fetched = shared?.Downloaded ?? 0,
            Uploaded = shared?.Uploaded ?? 0,
            Pack = pack,
            Warnings = shared?.Warnings ?? [],
        };
    }
}
