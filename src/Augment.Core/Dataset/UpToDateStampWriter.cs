using Augment.Core.Cache;
using Augment.Core.Engine;
using Augment.Core.OpenCv;
using Augment.Core.Platform;

namespace Augment.Core.Dataset;

/// <summary>
/// Removes <see cref="UpToDateStamp"/> before a build can change anything it vouches for, and writes
/// it after a build that left every item built, from what that build used: the identities its
/// sources had when they were hashed or trusted, and those its outputs had when it wrote or checked
/// them (the output record's).
/// </summary>
internal static class UpToDateStampWriter
{
    /// <summary>
    /// Removes the stamp and returns the time the build begins, read from the file system's own
    /// clock (a probe file's modification time), before the build reads any folder or source.
    /// </summary>
    public static long Begin(string stateDir)
    {
        Invalidate(stateDir);
        var probe = AtomicFile.TempName(Path.Combine(stateDir, "as-of"));
        using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
        {
        }

        try
        {
            return NativeFiles.Identity(probe).ModifiedNanoseconds;
        }
        finally
        {
            AtomicFile.TryDelete(probe);
        }
    }

    public static void Invalidate(string stateDir) => AtomicFile.TryDelete(UpToDateStamp.PathIn(stateDir));

    /// <summary>
    /// Writes the stamp of a build that built every item in <paramref name="plans"/>; writes none when
    /// a folder or source changed after <paramref name="asOf"/> or since the build read it, or an
    /// output since the build wrote or checked it.
    /// </summary>
    /// <param name="engineFiles">The engine's libraries as the last stamp had them, when this build found them unchanged.</param>
    public static bool TryWrite(
        long asOf, string configPath, string configSha256, string configDirectory, BuildLayout layout, IEnumerable<string> folders,
        IReadOnlyList<ItemPlan> plans, FileHashCache hashes, OutputRecord outputRecord, StampedFiles? engineFiles = null, string? cocoInput = null, string? cocoOutput = null)
    {
        _ = EngineFingerprint.Current; // the engine's libraries are loaded (a build without items may not have)
        (List<(string, FileIdentity)> Folders, List<(string, FileIdentity)> Sources, List<(string, FileIdentity)> Outputs)? files;
        using (Diagnostics.BuildProfile.Measure("finish.stamp.files"))
        {
            files = UsedFiles(asOf, configDirectory, layout, folders, plans, hashes, outputRecord, cocoInput, cocoOutput);
        }

        if (files is not { } used)
        {
            return false;
        }

        using (Diagnostics.BuildProfile.Measure("finish.stamp.engine"))
        {
            engineFiles ??= StampedFiles.From(MappedLibraries());
        }

        using var writing = Diagnostics.BuildProfile.Measure("finish.stamp.write");
        var stamp = new UpToDateStamp
        {
            Tool = DatasetPlanner.ToolVersion,
            ConfigPath = Path.GetFullPath(configPath),
            ConfigSha256 = configSha256,
            OutputDir = layout.OutputDir,
            CacheDir = layout.CacheDir,
            Environment = UpToDateStamp.CurrentEnvironment(),
            EngineLibraryPath = NativeLibraryLoader.ExistingPath() ?? string.Empty,
            AsOf = asOf,
            EngineFiles = engineFiles,
            Folders = StampedFiles.From(used.Folders),
            Sources = StampedFiles.From(used.Sources),
            Outputs = StampedFiles.From(used.Outputs),
            Items = plans.Select(p => (p.Output.Image, p.Output.Variant, p.Output.Source.Image)).ToList(),
        };
        // Not flushed to disk: a stamp that a crash damages or loses is only a slower next build.
        AtomicFile.Write(UpToDateStamp.PathIn(layout.StateDir), stamp.ToBytes(), durable: false);
        return true;
    }

    // The folder that would hold the file, or its nearest ancestor that exists: a file (or a folder
    // for it) that appears there changes that folder.
    private static string ExistingFolderOf(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent)
        {
            folder = parent;
        }

        return folder;
    }

    // Every folder, source and output as the build used it, or null when one changed since.
    private static (List<(string, FileIdentity)>, List<(string, FileIdentity)>, List<(string, FileIdentity)>)? UsedFiles(
        long asOf, string configDirectory, BuildLayout layout, IEnumerable<string> folders, IReadOnlyList<ItemPlan> plans, FileHashCache hashes,
        OutputRecord outputRecord, string? cocoInput, string? cocoOutput)
    {
        var folderFiles = new List<(string, FileIdentity)>();
        // A label file that is not there (inputs.missing_labels: empty) is watched through its folder:
        // one that appears changes the folder.
        var sourceFiles = plans.GroupBy(p => p.Output.Source)
            .SelectMany(g => g.Key.Inputs.Select(f => (File: f, Absent: f == g.Key.Labels && !g.First().SourceSha256.ContainsKey(f)))).ToList();
        foreach (var folder in folders.Concat(sourceFiles.Where(f => f.Absent).Select(f => ExistingFolderOf(Path.Combine(configDirectory, f.File))))
                     .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!NativeFiles.TryIdentity(folder, out var identity) || identity.ModifiedNanoseconds >= asOf)
            {
                return null; // changed while the build ran: what was scanned may be out of date
            }

            folderFiles.Add((folder, identity));
        }

        var sources = new List<(string, FileIdentity)>();
        foreach (var relative in sourceFiles.Where(f => !f.Absent).Select(f => f.File).Concat(cocoInput is null ? [] : [cocoInput]))
        {
            var full = Path.Combine(configDirectory, relative);
            if (!hashes.TryUsedIdentity(full, out var used) || used.ModifiedNanoseconds >= asOf || !NativeFiles.TryIdentity(full, out var now) || now != used)
            {
                return null; // changed since the build read it, or in the same instant
            }

            sources.Add((full, used));
        }

        var outputs = new List<(string, FileIdentity)>();
        foreach (var relative in plans.SelectMany(p => p.Output.Files).Append(Manifest.DatasetManifest.FileName).Concat(cocoOutput is null ? [] : [cocoOutput]))
        {
            var full = layout.OutputPath(relative);
            if (!outputRecord.TryRecordedIdentity(relative, out var recorded) || !NativeFiles.TryIdentity(full, out var now) || now != recorded)
            {
                return null; // changed since the build wrote or checked it
            }

            outputs.Add((full, recorded));
        }

        return (folderFiles, sources, outputs);
    }

    /// <summary>
    /// The shared libraries and assemblies this process has mapped (/proc/self/maps), with their
    /// identities; where there is no /proc, the loaded assemblies and OpenCV's library.
    /// </summary>
    private static List<(string, FileIdentity)> MappedLibraries()
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (!File.Exists("/proc/self/maps"))
        {
            files.UnionWith(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location));
            if (NativeLibraryLoader.ExistingPath() is { } library)
            {
                files.Add(library);
            }
        }

        foreach (var line in File.Exists("/proc/self/maps") ? File.ReadLines("/proc/self/maps") : [])
        {
            var slash = line.IndexOf(" /", StringComparison.Ordinal);
            if (slash < 0 || line.EndsWith(" (deleted)", StringComparison.Ordinal))
            {
                continue;
            }

            var path = line[(slash + 1)..];
            var name = Path.GetFileName(path);
            if (name.Contains(".so", StringComparison.Ordinal) || name.EndsWith(".dll", StringComparison.Ordinal))
            {
                files.Add(path);
            }
        }

        var identities = new List<(string, FileIdentity)>(files.Count);
        foreach (var file in files)
        {
            if (NativeFiles.TryIdentity(file, out var identity))
            {
                identities.Add((file, identity));
            }
        }

        return identities;
    }
}
