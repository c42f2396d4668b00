using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Diagnostics;
using Augment.Core.Engine;
using Augment.Core.Imaging;
using Augment.Core.OpenCv;
using Augment.Core.Manifest;

namespace Augment.Core.Dataset;

/// <summary>
/// Decides, for every output item, whether it is up to date, can be restored from the cache, or must
/// be rendered, and why. Reads no image that has not changed: input hashes come from the stat cache.
/// An item whose files the output record shows unchanged and produced by its current key is up to
/// date without reading its key record; the previous manifest is read only to say why an item changed.
/// </summary>
internal sealed class DatasetPlanner(
    AugmentConfig config, BuildLayout layout, FileHashCache hashes, KeyStore keys, OutputRecord outputs, Lazy<DatasetManifest?> previous, bool force,
    int jobs = 1, CocoSource? coco = null)
{
    private readonly Lazy<Dictionary<string, ManifestItem>> _previousByImage =
        new(() => (previous.Value?.Items ?? []).ToDictionary(i => i.Image, StringComparer.Ordinal));

    // Items found up to date from the output record take their records from the manifest when it
    // must be rewritten; without a manifest every item takes the path that reads its key record.
    private readonly bool _recordsCanBeSkipped = !force && File.Exists(layout.ManifestPath);

    public static string ToolVersion { get; } =
        typeof(DatasetPlanner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    // The parts of every key that do not depend on the item, made once per build, not per item.
    private readonly string _directory = config.Directory;
    private readonly Dictionary<ImageFormat, ItemKeys> _keys = [];

    public IReadOnlyList<ItemPlan> Plan(IReadOnlyList<OutputItem> items, string configSha256)
    {
        try
        {
            return PlanItems(items, configSha256);
        }
        finally
        {
            foreach (var keys in _keys.Values)
            {
                keys.Dispose();
            }

            _keys.Clear();
        }
    }

    private List<ItemPlan> PlanItems(IReadOnlyList<OutputItem> items, string configSha256)
    {
        var engine = EngineFingerprint.Current;
        var plans = new List<ItemPlan>(items.Count);
        var groups = items.GroupBy(i => i.Source).ToList();
        // Input hashes first, over the build's jobs: a first build reads and hashes every source.
        var hashed = new (Dictionary<string, string>? Sha, Exception? Error)[groups.Count];
        Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            var source = groups[i].Key;
            try
            {
                using var hashing = BuildProfile.Measure("plan.hash-inputs");
                hashed[i] = (source.Inputs.Where(p => p != source.Labels || !LabelsAbsent(source))
                    .ToDictionary(p => p, p => hashes.Sha256(Path.Combine(_directory, p)), StringComparer.Ordinal), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or AugmentNativeException)
            {
                hashed[i] = (null, e);
            }
        });

        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var source = group.Key;
            var (sourceSha, failure) = hashed[g];
            if (sourceSha is null)
            {
                var e = failure!;
                var missing = source.Inputs.Where(p => p != source.Labels || !LabelsAbsent(source))
                    .FirstOrDefault(p => !File.Exists(Path.Combine(config.Directory, p))) ?? source.Image;
                var error = new BuildError(BuildErrorCode.Unreadable, Path.Combine(config.Directory, missing), File.Exists(Path.Combine(config.Directory, missing))
                    ? $"cannot read it: {e.Message}"
                    : missing == source.Labels ? $"the label file of {source.Image} is missing (inputs.missing_labels: empty makes such an image one with no objects)"
                    : source.Masks.Contains(missing) ? $"the mask of {source.Image} is missing" : "the source image is missing");
                plans.AddRange(group.Select(o => new ItemPlan(o, ItemAction.Failed, ItemReason.None, null, null, new Dictionary<string, string>(), error)));
                continue;
            }

            if (coco is not null && CocoError(source, sourceSha) is { } cocoError)
            {
                plans.AddRange(group.Select(o => new ItemPlan(o, ItemAction.Failed, ItemReason.None, null, null, new Dictionary<string, string>(), cocoError)));
                continue;
            }

            foreach (var output in group)
            {
                string key;
                using (BuildProfile.Measure("plan.key"))
                {
                    key = KeyOf(output, sourceSha, engine);
                }

                using var deciding = BuildProfile.Measure("plan.decide");
                plans.Add(Decide(output, key, sourceSha, configSha256, engine));
            }
        }

        return plans;
    }

    private ItemPlan Decide(OutputItem output, string key, Dictionary<string, string> sourceSha, string configSha256, EngineFingerprint engine)
    {
        if (_recordsCanBeSkipped && outputs.IsUpToDate([.. output.Files.Select(f => (f, layout.OutputPath(f)))], key, out var shas))
        {
            // The item record (for the manifest) is read only if the manifest has to be written.
            var masks = output.Masks.Count;
            return new ItemPlan(output, ItemAction.UpToDate, ItemReason.None, key,
                new KeyRecord(shas[0], shas[1..(1 + masks)], null, output.Labels is null ? null : shas[1 + masks]), sourceSha, null);
        }

        var cached = force ? null : keys.TryRead(key);
        if (cached is not null)
        {
            var files = output.Files.Zip(cached.Objects);
            var missing = false;
            var modified = false;
            foreach (var (relative, sha) in files)
            {
                var full = layout.OutputPath(relative);
                if (!File.Exists(full))
                {
                    missing = true;
                }
                else if (!outputs.Holds(relative, full, sha))
                {
                    modified = true;
                }
            }

            var reason = missing ? ItemReason.OutputMissing : modified ? ItemReason.OutputModified : ItemReason.None;
            if (modified && !cached.Objects.All(keys.Store.IsIntact))
            {
                // Edited in place through its hard link: the cached object changed too. Render anew.
                return new ItemPlan(output, ItemAction.Render, ItemReason.OutputModified, key, null, sourceSha, null);
            }

            var action = reason == ItemReason.None ? ItemAction.UpToDate : ItemAction.Restore;
            if (action == ItemAction.Restore && _previousByImage.Value.TryGetValue(output.Image, out var before) && before.Key != key)
            {
                reason = WhyChanged(before, sourceSha, configSha256, engine); // a reverted change: restored from the cache
            }

            // The item record is not kept: the manifest takes it from the previous manifest or the
            // key store if it is rewritten (a build holds one plan per item until the end).
            return new ItemPlan(output, action, reason, key, cached with { Record = null }, sourceSha, null);
        }

        var why = force ? ItemReason.Forced
            : !_previousByImage.Value.TryGetValue(output.Image, out var previousItem) ? ItemReason.New
            : previousItem.Key == key ? ItemReason.NotCached
            : WhyChanged(previousItem, sourceSha, configSha256, engine);
        return new ItemPlan(output, ItemAction.Render, why, key, null, sourceSha, null);
    }

    private ItemReason WhyChanged(ManifestItem before, Dictionary<string, string> sourceSha, string configSha256, EngineFingerprint engine)
    {
        if (!before.SourceSha256.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(sourceSha.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            return ItemReason.InputChanged;
        }

        if (previous.Value is { } manifest && (manifest.Tool != ToolVersion || manifest.Engine != engine.Sha256))
        {
            return ItemReason.ToolChanged;
        }

        return previous.Value?.ConfigSha256 != configSha256 ? ItemReason.ConfigChanged : ItemReason.OutputMissing;
    }

    private string KeyOf(OutputItem output, Dictionary<string, string> sourceSha, EngineFingerprint engine)
    {
        // The shared part of the key (all but the item's own fields) once per source format.
        var sourceFormat = ImageFormats.FromExtension(output.Source.Image) ?? ImageFormat.Png;
        if (!_keys.TryGetValue(sourceFormat, out var keys))
        {
            var encoding = $"image={config.OutputFormat.SettingsFor(sourceFormat)};mask={MaskEncoding}" +
                (config.Labels is { } settings ? $";labels={settings.Canonical}" : string.Empty);
            _keys[sourceFormat] = keys = new ItemKeys(
                AugmentConfigLoader.SchemaVersion, ToolVersion, engine.Sha256, config.CanonicalPipeline, encoding, config.Seed, config.MaskFill);
        }

        var source = output.Source;
        var labels = LabelsHash(source, sourceSha);
        if (labels is not null && config.Labels!.Boxes.Format == "pascal_voc")
        {
            labels += ";filename=" + Path.GetFileName(output.Image); // a VOC file names its image
        }

        return keys.Compute(source.Image, output.Variant, sourceSha[source.Image], source.Masks.Select(m => sourceSha[m]).ToList(), labels);
    }

    private string? LabelsHash(SourceItem source, Dictionary<string, string> sourceSha) =>
        source.Labels is { } labels ? sourceSha.GetValueOrDefault(labels, LabelsAbsentHash)
        : coco is null ? null
        : coco.EntryOf(source)?.Sha256 ?? LabelsAbsentHash;

    // Adds the source's COCO entry's hash to its hashes; or the error that fails its items (the file
    // cannot be used, or it has no entry for the source and missing_labels is not empty).
    private BuildError? CocoError(SourceItem source, Dictionary<string, string> sourceSha)
    {
        if (coco!.Error is { } e)
        {
            return new BuildError(BuildErrorCode.InvalidLabels, e.FilePath, e.Reason, e.Line);
        }

        if (coco.EntryOf(source) is { } entry)
        {
            sourceSha[coco.HashKey(entry)] = entry.Sha256;
            return null;
        }

        return config.Labels!.MissingIsEmpty ? null : new BuildError(BuildErrorCode.Unreadable, coco.FullPath,
            $"the COCO file lists no image for {source.Image} (a file_name '{Path.GetFileName(source.Image)}'); inputs.missing_labels: empty makes it an image with no objects");
    }

    /// <summary>What an item key holds for a label file that is not there (inputs.missing_labels: empty).</summary>
    public const string LabelsAbsentHash = "absent";

    // A label file that is not there, where the config makes that an image with no objects.
    private bool LabelsAbsent(SourceItem source) =>
        source.Labels is { } labels && config.Labels!.MissingIsEmpty && !File.Exists(Path.Combine(_directory, labels));

    /// <summary>Masks are always written as PNG with these settings.</summary>
    public static EncodeSettings MaskEncoding => EncodeSettings.Mask;
}
