using Augment.Integration.Tests.Build;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Distributed;

/// <summary>
/// One dataset's source folder, and fresh copies of it as other machines would have them (a clone
/// of the repository: the sources and the config, no output, no cache). <see cref="Tool"/> runs the
/// real tool on a copy with exactly the environment given (no scheduler variable of the test host leaks in).
/// </summary>
internal sealed class DatasetCopies : IDisposable
{
    /// <summary>The variables a scheduler or the shared cache could take from the environment; unset in every run unless given.</summary>
    public static readonly string[] Variables =
    [
        "JOB_COMPLETION_INDEX", "AUGMENT_SHARDS", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "SLURM_ARRAY_TASK_COUNT",
        "SLURM_ARRAY_TASK_STEP", "CI_NODE_INDEX", "CI_NODE_TOTAL", "AUGMENT_CACHE_URL", "AUGMENT_CACHE_TOKEN", "AUGMENT_CACHE_DIR",
    ];

    private readonly TempFolder _temp = new("augment-distributed-");
    private readonly string _source;
    private int _copies;

    /// <param name="source">The dataset folder (sources and configs) that every copy starts from.</param>
    public DatasetCopies(string source) => _source = source;

    public string Root => _temp.Path;

    /// <summary>A fresh copy of the dataset folder (no out/ folder), as a clone on another machine.</summary>
    public string Copy(string? name = null)
    {
        var target = _temp.Combine(name ?? $"machine{_copies++}");
        foreach (var file in Directory.EnumerateFiles(_source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "out" or "obj" or "bin" || relative.Contains(".augment", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
            File.SetLastWriteTimeUtc(Path.Combine(target, relative), File.GetLastWriteTimeUtc(file));
        }

        return target;
    }

    /// <summary>`build --json` of <paramref name="config"/> in <paramref name="folder"/> with <paramref name="options"/> and only the variables given.</summary>
    public static BuildSummary Build(string folder, string config, IReadOnlyDictionary<string, string?>? environment, params string[] options) =>
        TestDataset.ParseSummary(Tool(folder, ["build", Path.Combine(folder, config), "--json", .. options], environment));

    public static ProcessResult Tool(string folder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, .. arguments], folder, Environment(folder, environment));

    /// <summary>`build --json` of <paramref name="config"/> in <paramref name="folder"/> started in the background, with the environment <see cref="Tool"/> gives.</summary>
    public static RunningTool StartBuild(string folder, string config, IReadOnlyDictionary<string, string?>? environment, params string[] options) =>
        RunningTool.Start(["build", Path.Combine(folder, config), "--json", .. options], folder, Environment(folder, environment));

    private static Dictionary<string, string?> Environment(string folder, IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = Variables.ToDictionary(v => v, v => (string?)null);
        // A home of the copy's own: a shard with only --cache-url keeps its local cache under ~/.cache.
        variables["XDG_CACHE_HOME"] = Path.Combine(folder, ".home-cache");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        return variables;
    }

    /// <summary>Every file of an output folder (the .augment state left out) with its SHA-256.</summary>
    public static Dictionary<string, string> Contents(string outputDir) =>
        TestDataset.Snapshot(outputDir).ToDictionary(p => p.Key, p => p.Value.Sha256, StringComparer.Ordinal);

    public void Dispose() => _temp.Dispose();
}
