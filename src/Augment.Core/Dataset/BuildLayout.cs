using Augment.Core.Config;

namespace Augment.Core.Dataset;

/// <summary>Where a build reads and writes: the output folder, its .augment state folder and the cache.</summary>
public sealed record BuildLayout(string OutputDir, string StateDir, string CacheDir)
{
    public const string CacheVariable = "AUGMENT_CACHE_DIR";

    public string LockPath => Path.Combine(StateDir, "lock");

    public string InputHashesPath => Path.Combine(StateDir, "inputs.json");

    public string OutputRecordPath => Path.Combine(StateDir, "outputs.json");

    public string ManifestPath => Path.Combine(OutputDir, Manifest.DatasetManifest.FileName);

    public static BuildLayout For(AugmentConfig config, BuildOptions options) =>
        ForOutput(Path.GetFullPath(options.OutputDir ?? Path.Combine(config.Directory, config.OutputDir)), options);

    /// <summary>The layout of the output folder <paramref name="output"/> (a full path).</summary>
    public static BuildLayout ForOutput(string output, BuildOptions options)
    {
        var state = Path.Combine(output, ".augment");
        var chosen = options.CacheDir is { Length: > 0 } ? options.CacheDir : Environment.GetEnvironmentVariable(CacheVariable);
        var cache = chosen is { Length: > 0 } ? Path.GetFullPath(chosen) : Path.Combine(state, "cache");
        return new BuildLayout(output, state, cache);
    }

    /// <summary>
    /// A shard's layout: the cache it writes is the one chosen (--cache-dir, AUGMENT_CACHE_DIR), or,
    /// with only a shared HTTP cache, the user's cache folder (XDG_CACHE_HOME or ~/.cache, then
    /// augment.build); the output folder is not written. Null when there is no cache a gather could read.
    /// </summary>
    public static BuildLayout? ForShard(AugmentConfig config, BuildOptions options)
    {
        var layout = For(config, options);
        if (layout.CacheDir != Path.Combine(layout.StateDir, "cache"))
        {
            return layout;
        }

        if (options.CacheUrl is null && !options.DryRun)
        {
            return null; // a plan only reads: it may look at the user's cache folder
        }

        var home = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return layout with { CacheDir = Path.GetFullPath(Path.Combine(home, "augment.build")) };
    }

    public string OutputPath(string relative) => Path.Combine(OutputDir, relative);
}
