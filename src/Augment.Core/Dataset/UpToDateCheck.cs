using System.Security.Cryptography;
using Augment.Core.Config;
using Augment.Core.Diagnostics;
using Augment.Core.OpenCv;

namespace Augment.Core.Dataset;

/// <summary>
/// The no-op build's short way (PRODUCT.md section 11): when the stamp the last complete build left
/// (<see cref="UpToDateStamp"/>) still holds, the build is done without parsing the pipeline,
/// loading OpenCV or computing a key. It holds when the config has the same bytes at the same path,
/// the tool, its options and the engine's libraries are the same files, no folder the input globs
/// read has changed (so no source was added, removed or renamed), and every source, output and the
/// manifest has the identity it had. Anything else, or any doubt, takes the full way, which checks
/// item by item and writes a new stamp.
/// </summary>
internal static class UpToDateCheck
{
    /// <summary>The report of a build with nothing to do, or null when the stamp cannot vouch for one.</summary>
    /// <param name="changedIn">
    /// When the stamp is this build's (same config, tool, engine and options) and files changed
    /// since: the output folder, where a build is now due.
    /// </param>
    /// <param name="engineFiles">With <paramref name="changedIn"/>: the engine's libraries, found unchanged.</param>
    public static BuildReport? TryReport(string configPath, BuildOptions options, out string? changedIn, out StampedFiles? engineFiles)
    {
        changedIn = null;
        engineFiles = null;
        if (options.Force || options.DryRun)
        {
            return null;
        }

        using var checking = BuildProfile.Measure("stamp");
        var configFull = Path.GetFullPath(configPath);
        byte[] config;
        try
        {
            config = File.ReadAllBytes(configFull);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the full way reports it
        }

        BuildLayout layout;
        try
        {
            var outputDir = options.OutputDir is not null
                ? Path.GetFullPath(options.OutputDir)
                : OutputDirHint.Read(config, Path.GetExtension(configFull).Equals(".json", StringComparison.OrdinalIgnoreCase)) is { } dir
                    ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(configFull)!, dir))
                    : null;
            if (outputDir is null)
            {
                return null;
            }

            layout = BuildLayout.ForOutput(outputDir, options);
        }
        catch (ArgumentException)
        {
            return null; // a path no folder can have: the full way reports it
        }

        UpToDateStamp? stamp;
        using (BuildProfile.Measure("stamp.read"))
        {
            stamp = Read(UpToDateStamp.PathIn(layout.StateDir));
        }

        if (stamp is null || stamp.Tool != DatasetPlanner.ToolVersion || stamp.ConfigPath != configFull || stamp.OutputDir != layout.OutputDir ||
            stamp.CacheDir != layout.CacheDir || stamp.Environment != UpToDateStamp.CurrentEnvironment() ||
            stamp.EngineLibraryPath != NativeLibraryLoader.ExistingPath() ||
            stamp.ConfigSha256 != Convert.ToHexStringLower(SHA256.HashData(config)))
        {
            return null;
        }

        BuildLock buildLock;
        try
        {
            buildLock = BuildLock.Acquire(layout.LockPath, wait: false, options.Cancellation);
        }
        catch (OutputLockedException)
        {
            return null; // another build runs: the full way waits for it
        }

        using (buildLock)
        using (BuildProfile.Measure("stamp.stat"))
        {
            if (!stamp.EngineFiles.AllUnchanged())
            {
                return null;
            }

            if (!stamp.Folders.AllUnchanged(stamp.AsOf) || !stamp.Sources.AllUnchanged(stamp.AsOf) || !stamp.Outputs.AllUnchanged())
            {
                (changedIn, engineFiles) = (layout.OutputDir, stamp.EngineFiles);
                return null;
            }
        }

        var items = stamp.Items.Select(i => new PlannedItem(i.Image, i.Variant, i.Source, ItemAction.UpToDate, ItemReason.None)).ToList();
        options.Observer?.Planned(0, 0, items.Count, 0);
        foreach (var item in items)
        {
            options.Observer?.ItemFinished(item.Image, ItemAction.UpToDate, null);
        }

        return new BuildReport(layout.OutputDir, items, 0, 0, items.Count, 0, [], 0, 0);
    }

    private static UpToDateStamp? Read(string path)
    {
        try
        {
            return UpToDateStamp.FromBytes(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // none: the last build did not finish, or wrote none
        }
    }
}
