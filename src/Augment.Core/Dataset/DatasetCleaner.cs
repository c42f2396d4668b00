using Augment.Core.Config;
using Augment.Core.Manifest;

namespace Augment.Core.Dataset;

/// <summary>
/// Removes what builds produced: every output the manifest or the output record lists, the manifest,
/// and the .augment state folder (with the default cache; a shared --cache-dir is left alone).
/// Files in the output folder that no build wrote are kept.
/// </summary>
public static class DatasetCleaner
{
    public static int Clean(string configPath, string? outputDir = null)
    {
        var config = AugmentConfigLoader.Load(configPath);
        var layout = BuildLayout.For(config, new BuildOptions { OutputDir = outputDir });
        using var buildLock = BuildLock.Acquire(layout.LockPath, wait: true, CancellationToken.None);
        var manifest = DatasetManifest.TryRead(layout.ManifestPath);
        var files = OutputRecord.Load(layout.OutputRecordPath).Files
            .Concat(manifest?.Items.SelectMany(i => i.Files) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var removed = 0;
        foreach (var full in files.Select(layout.OutputPath).Where(File.Exists))
        {
            File.Delete(full);
            removed++;
        }

        File.Delete(layout.ManifestPath);
        buildLock.Dispose();
        if (Directory.Exists(layout.StateDir))
        {
            Directory.Delete(layout.StateDir, recursive: true);
        }

        RemoveEmptyFolders(layout.OutputDir);
        return removed;
    }

    private static void RemoveEmptyFolders(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var child in Directory.GetDirectories(folder))
        {
            RemoveEmptyFolders(child);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
