using System.Security.Cryptography;
using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Diagnostics;
using Augment.Core.Engine;
using Augment.Core.OpenCv;
using Augment.Core.Platform;
using Augment.Core.Manifest;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Dataset;

/// <summary>
/// Builds a dataset from its config (PRODUCT.md sections 6, 7 and 10): checks names before any work,
/// renders only what changed, restores from the cache what it holds, removes outputs whose inputs
/// went away, and writes the manifest last, atomically. Every other item is built when some fail.
/// </summary>
public static class DatasetBuilder
{
    public static BuildReport Build(string configPath, BuildOptions options)
    {
        try
        {
            return BuildProfiled(configPath, options);
        }
        finally
        {
            BuildProfile.Flush();
        }
    }

    private static BuildReport BuildProfiled(string configPath, BuildOptions options)
    {
        if (options.Shard is { } shard)
        {
            return ShardBuilder.Build(configPath, options, shard);
        }

        if (UpToDateCheck.TryReport(configPath, options, out var changedIn, out var engineFiles) is { } upToDate)
        {
            return upToDate; // the last build's stamp still holds: nothing to do, nothing loaded
        }

        // Files changed since the last build of this very config: the previous manifest will be read
        // (why items changed, and the text of those that did not), so it is read on a second core now.
        var previousRead = changedIn is null ? null : Task.Run(() =>
        {
            var path = BuildLayout.ForOutput(changedIn, options).ManifestPath;
            return (Path: path, Identity: NativeFiles.TryIdentity(path, out var identity) ? identity : default, Index: ReadPreviousManifest(path));
        });

        // OpenCV and the hundred-odd libraries it links load on a second core while the config is read.
        _ = Task.Run(() => EngineFingerprint.Current);
        var loading = BuildProfile.Measure("load");
        AugmentConfig config;
        using (BuildProfile.Measure("load.config"))
        {
            config = AugmentConfigLoader.Load(configPath);
        }

        var layout = BuildLayout.For(config, options);
        var asOf = options.DryRun ? 0 : UpToDateStampWriter.Begin(layout.StateDir);
        IReadOnlyList<SourceItem> sources;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        using (BuildProfile.Measure("load.scan"))
        {
            sources = InputScanner.Scan(config, layout.OutputDir, folders);
        }

        IReadOnlyList<OutputItem> outputs;
        using (BuildProfile.Measure("load.names"))
        {
            outputs = OutputNaming.Name(config, sources);
        }

        var state = BuildProfile.Measure("load.state");

        using var buildLock = options.DryRun ? null : BuildLock.Acquire(
            layout.LockPath, options.WaitForLock, options.Cancellation, () => options.Observer?.WaitingForLock(layout.LockPath));
        if (!options.DryRun)
        {
            UpToDateStampWriter.Invalidate(layout.StateDir); // a build that ran while this one waited may have left one
            // Temporary files a killed build left (the lock says no build of this output runs now).
            using var leftovers = BuildProfile.Measure("load.leftovers");
            AtomicFile.RemoveLeftovers(layout.OutputDir);
            if (!layout.CacheDir.StartsWith(layout.OutputDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                AtomicFile.RemoveLeftovers(layout.CacheDir); // a cache elsewhere (--cache-dir)
            }
        }

        var inputsLoad = BuildProfile.Measure("load.inputs-record");
        var hashes = FileHashCache.Load(layout.InputHashesPath);
        inputsLoad.Dispose();
        var store = new ContentStore(layout.CacheDir);
        using var keys = new KeyStore(store);
        var outputsLoad = BuildProfile.Measure("load.outputs-record");
        var outputRecord = OutputRecord.Load(layout.OutputRecordPath);
        outputsLoad.Dispose();
        // The previous manifest is large (every op's parameters of every item) and a build that
        // changed nothing needs nothing from it: read only when an item's reason or record needs it.
        var previousIndex = new Lazy<ManifestIndex?>(() =>
        {
            // The one read early, unless another build replaced the file since (it waited for the lock).
            var early = previousRead?.GetAwaiter().GetResult();
            return early is { } e && e.Path == layout.ManifestPath && NativeFiles.TryIdentity(e.Path, out var now) && now == e.Identity
                ? e.Index
                : ReadPreviousManifest(layout.ManifestPath);
        });
        var previous = new Lazy<DatasetManifest?>(() => previousIndex.Value?.Manifest);
        var configSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configPath)));
        state.Dispose();
        loading.Dispose();

        var coco = CocoSource.For(config, hashes);
        IReadOnlyList<ItemPlan> plans;
        using (BuildProfile.Measure("plan"))
        {
            plans = new DatasetPlanner(config, layout, hashes, keys, outputRecord, previous, options.Force, options.Jobs, coco).Plan(outputs, configSha);
        }

        using var http = options.CacheUrl is { } url && !options.DryRun ? new HttpCache(url, options.CacheToken) : null;
        var shared = http is null ? null : new SharedCache(http, store, keys, options.CacheRequired, options.Observer);
        if (shared is not null)
        {
            using (BuildProfile.Measure("fetch"))
            {
                shared.Probe(options.Cancellation);
                plans = shared.Fetch(plans, SharedCache.DatasetId(configSha, DatasetPlanner.ToolVersion, EngineFingerprint.Current.Sha256), withObjects: true, options.Cancellation);
            }
        }

        if (options.RequireCached)
        {
            plans = [.. plans.Select(p => NotCachedFails(p, config.Directory))];
        }

        var planned = plans.Select(p => new PlannedItem(p.Output.Image, p.Output.Variant, p.Output.Source.Image, p.Action, p.Reason)).ToList();
        if (options.DryRun)
        {
            var errors = plans.Where(p => p.Error is not null).Select(p => p.Error!).Distinct().ToList();
            return new BuildReport(
                layout.OutputDir, planned, 0, 0, plans.Count(p => p.Action == ItemAction.UpToDate), 0, errors, hashes.FilesHashed,
                plans.Count(p => p.Action == ItemAction.Failed));
        }

        options.Observer?.Planned(
            plans.Count(p => p.Action == ItemAction.Render), plans.Count(p => p.Action == ItemAction.Restore), plans.Count(p => p.Action == ItemAction.UpToDate),
            plans.Count(p => p.Action == ItemAction.Failed));
        List<(ItemPlan Plan, KeyRecord? Record, BuildError? Error)> done;
        // What renders is uploaded to the shared cache as it becomes durable here, while rendering goes on.
        var upload = shared?.StartUpload(unlessPresent: false, options.Cancellation);
        using (BuildProfile.Measure("execute"))
        {
            done = ItemExecutor.Execute(config, layout, store, keys, plans, options, coco, writeOutputs: true, upload is null ? null : (plan, record) => upload.Add(plan.Key!, record));
        }

        using (BuildProfile.Measure("upload"))
        {
            upload?.Complete();
        }

        using var finishing = BuildProfile.Measure("finish");
        var expected = done.Where(d => d.Record is not null).SelectMany(d => Files(d.Plan.Output)).ToHashSet(StringComparer.Ordinal);
        if (coco is { Error: null })
        {
            expected.Add(config.Labels!.CocoOutput); // written below; a COCO file that cannot be used leaves none
        }

        // The output record alone lists what earlier builds wrote; the manifest is read for it only
        // when there is no record (a first build by this version, or a deleted .augment folder).
        var removed = RemoveStale(layout, outputRecord, outputRecord.Loaded ? null : previous.Value, expected);
        foreach (var (plan, record, _) in done.Where(d => d.Record is not null))
        {
            foreach (var (relative, sha) in plan.Output.Files.Zip(record!.Objects))
            {
                if (!outputRecord.IsConfirmed(relative))
                {
                    outputRecord.Set(relative, layout.OutputPath(relative), sha, plan.Key);
                }
            }
        }

        using (BuildProfile.Measure("finish.records"))
        {
            hashes.Save();
        }

        var engine = EngineFingerprint.Current;
        var unchanged = removed == 0 && done.All(d => d.Plan.Action == ItemAction.UpToDate) &&
                        outputRecord.IsManifestCurrent(layout.ManifestPath, configSha, DatasetPlanner.ToolVersion, engine.Sha256);
        if (!unchanged)
        {
            using (BuildProfile.Measure("finish.manifest"))
            {
                // Items of the previous manifest are copied from it only if it is the file the last
                // build wrote (not edited since); otherwise records come from the key store.
                var copyFrom = outputRecord.IsManifestUnmodified(layout.ManifestPath) ? previousIndex.Value : null;
                WriteManifest(config, layout, configSha, done, keys, copyFrom, coco);
            }

            outputRecord.SetManifest(layout.ManifestPath, configSha, DatasetPlanner.ToolVersion, engine.Sha256);
        }

        if (coco is { Error: null })
        {
            using (BuildProfile.Measure("finish.coco"))
            {
                WriteCoco(config, layout, coco, done, outputRecord);
            }
        }

        using (BuildProfile.Measure("finish.records"))
        {
            outputRecord.Save();
        }

        var failures = done.Where(d => d.Error is not null).Select(d => d.Error!)
            .Concat(coco is { Error: null } ? coco.Index.Orphans.Select(o => new BuildError(BuildErrorCode.InvalidLabels, o.FilePath, o.Reason, o.Line)) : [])
            .Distinct().ToList();
        if (failures.Count == 0 && done.Count == plans.Count && done.All(d => d.Record is not null))
        {
            using (BuildProfile.Measure("finish.stamp"))
            {
                UpToDateStampWriter.TryWrite(
                    asOf, configPath, configSha, config.Directory, layout, folders, plans, hashes, outputRecord, engineFiles, config.Labels?.Coco, coco is null ? null : config.Labels!.CocoOutput);
            }
        }

        return new BuildReport(
            layout.OutputDir, planned, done.Count(d => d.Record is not null && d.Plan.Action == ItemAction.Render),
            done.Count(d => d.Record is not null && d.Plan.Action == ItemAction.Restore),
            done.Count(d => d.Plan.Action == ItemAction.UpToDate), removed, failures, hashes.FilesHashed, done.Count(d => d.Error is not null))
        {
            CacheDir = layout.CacheDir,
            CacheUrl = shared?.Display,
            Fetched = shared?.Downloaded ?? 0,
            Uploaded = shared?.Uploaded ?? 0,
            Warnings = shared?.Warnings ?? [],
        };
    }

    /// <summary>Under --require-cached, an item that would render fails instead: no cache holds it.</summary>
    internal static ItemPlan NotCachedFails(ItemPlan plan, string configDirectory) => plan.Action != ItemAction.Render ? plan : plan with
    {
        Action = ItemAction.Failed,
        Error = new BuildError(BuildErrorCode.NotCached, Path.Combine(configDirectory, plan.Output.Source.Image), $"{plan.Output.Image} is in no cache (--require-cached): no build or shard produced it"),
    };

    private static ManifestIndex? ReadPreviousManifest(string path)
    {
        using var reading = BuildProfile.Measure("load.manifest");
        return ManifestIndex.TryRead(path); // without the items' ops
    }

    // The output COCO file from the manifest just written (or kept), when its bytes would change.
    private static void WriteCoco(AugmentConfig config, BuildLayout layout, CocoSource coco, IReadOnlyList<(ItemPlan Plan, KeyRecord? Record, BuildError? Error)> done, OutputRecord outputRecord)
    {
        var manifest = DatasetManifest.TryRead(layout.ManifestPath)?.Items.ToDictionary(i => i.Image, StringComparer.Ordinal) ?? [];
        var items = done.Where(d => d.Record is not null && manifest.ContainsKey(d.Plan.Output.Image))
            .Select(d => (d.Plan.Output.Image, manifest[d.Plan.Output.Image], coco.EntryOf(d.Plan.Output.Source)));
        var relative = config.Labels!.CocoOutput;
        var full = layout.OutputPath(relative);
        var text = CocoOutput.Text(coco.Index, items);
        AtomicFile.WriteTextIfChanged(full, text);
        outputRecord.Set(relative, full, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), null);
    }

    private static IEnumerable<string> Files(OutputItem output) => output.Files;

    // Outputs of the last build that this one does not produce (their inputs went away, their names
    // changed, or their item failed) leave the folder; the cache keeps their objects.
    private static int RemoveStale(BuildLayout layout, OutputRecord record, DatasetManifest? previous, HashSet<string> expected)
    {
        var known = record.Files.Concat(previous?.Items.SelectMany(i => i.Files) ?? []).Distinct(StringComparer.Ordinal).ToList();
        var removed = 0;
        foreach (var relative in known.Where(f => !expected.Contains(f)))
        {
            var full = layout.OutputPath(relative);
            if (File.Exists(full))
            {
                File.Delete(full);
                removed++;
                RemoveEmptyParents(Path.GetDirectoryName(full)!, layout.OutputDir);
            }

            record.Remove(relative);
        }

        return removed;
    }

    private static void RemoveEmptyParents(string folder, string stop)
    {
        while (folder.Length > stop.Length && folder.StartsWith(stop, StringComparison.Ordinal) &&
               Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private static void WriteManifest(
        AugmentConfig config, BuildLayout layout, string configSha, IReadOnlyList<(ItemPlan Plan, KeyRecord? Record, BuildError? Error)> done,
        KeyStore keys, ManifestIndex? previous, CocoSource? coco)
    {
        var engine = EngineFingerprint.Current;
        // Items come without their records (up to date from the output record alone, or dropped once
        // their key record was written): an unchanged item's text is the previous manifest's (same
        // key, same bytes), any other's record is read back from the key store.
        var items = done.Where(d => d.Record is not null).Select(d => (d.Plan.Output.Image, (Func<JToken>)(() =>
        {
            using var measuring = BuildProfile.Measure("finish.manifest.item");
            var (plan, record, _) = d;
            var output = plan.Output;
            if (record!.Record is null && previous?.ItemText(output.Image, plan.Key!) is { } text)
            {
                return new JRaw(text);
            }

            var json = (record.Record is { } recordText ? KeyRecord.ParseRecord(recordText) : keys.TryReadItemRecord(plan.Key!))
                ?? throw new InvalidOperationException($"no record of {output.Image} (key {plan.Key}) in the manifest or the cache; build with --force");
            var sha = output.Files.Zip(record.Objects).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            return new ManifestItem(output.Image, output.Masks, output.Source.Image, output.Source.Masks, plan.SourceSha256, output.Variant, plan.Key!, json, sha)
            {
                Labels = output.Labels,
                SourceLabels = output.Source.Labels ?? (coco?.EntryOf(output.Source) is { } entry ? coco.HashKey(entry) : null),
            }.ToJson();
        })));
        DatasetManifest.Write(
            layout.ManifestPath, AugmentConfigLoader.SchemaVersion, DatasetPlanner.ToolVersion, engine.OpenCvVersion, engine.Sha256, configSha, config.Seed, items);
    }
}
