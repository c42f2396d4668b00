using System.Text.RegularExpressions;
using Augment.Integration.Tests.Build;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Distributed;

/// <summary>
/// The examples users copy from docs/distributed.md, run as written: each example's shard and gather
/// commands and the variables it sets are read from the page; three shards run as separate processes
/// (fresh copies, caches of their own) with exactly the variables that scheduler sets, then the gather,
/// whose folder must hold the bytes of a one-machine build. `dotnet tool restore` is a no-op here and
/// `dotnet augment` is the tool built beside the tests (a shell function stands in for the tool manifest).
/// </summary>
[Collection(BuildCollection.Name)]
public sealed partial class DistributedExamplesTests(SourcePool pool) : IDisposable
{
    private const int Shards = 3;

    private static readonly string Page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "distributed.md"));

    private readonly TestDataset _data = new(pool);
    private readonly NginxServer _server = new();

    [Fact]
    public void The_Kubernetes_Indexed_Job_and_its_gather_Job()
    {
        var shards = Block("kubernetes-shards");
        var gather = Block("kubernetes-gather");
        Assert.Contains("completionMode: Indexed", shards, StringComparison.Ordinal);
        var completions = Value(shards, @"completions:\s*(\d+)");
        var variables = EnvList(shards);
        Assert.Equal(completions, variables["AUGMENT_SHARDS"]); // the manifest tells the pods how many shards there are
        Assert.True(variables.ContainsKey("AUGMENT_CACHE_URL") && EnvList(gather).ContainsKey("AUGMENT_CACHE_URL"));
        Run(
            i => (Args(shards), new Dictionary<string, string?>(variables) { ["AUGMENT_SHARDS"] = $"{Shards}", ["JOB_COMPLETION_INDEX"] = $"{i}", ["AUGMENT_CACHE_URL"] = _server.Url }),
            (Args(gather), new Dictionary<string, string?>(EnvList(gather)) { ["AUGMENT_CACHE_URL"] = _server.Url }),
            "Kubernetes JOB_COMPLETION_INDEX");
    }

    [Fact]
    public void The_Slurm_array_script_and_its_dependent_gather()
    {
        var shards = Block("slurm-shards");
        var gather = Block("slurm-gather");
        var array = Value(shards, @"#SBATCH --array=(\S+)");
        Assert.Equal($"0-{Shards - 1}", array);
        var cacheDir = Value(shards, @"export AUGMENT_CACHE_DIR=(\S+)");
        Assert.Equal(cacheDir, Value(gather, @"export AUGMENT_CACHE_DIR=(\S+)"));
        var shared = Path.Combine(_data.Root, "shared-cache");
        Run(
            i => (shards.Replace(cacheDir, shared, StringComparison.Ordinal), new Dictionary<string, string?>
            {
                // What sbatch sets in each task of --array=0-2 --cpus-per-task=8.
                ["SLURM_ARRAY_TASK_ID"] = $"{i}", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_MAX"] = $"{Shards - 1}",
                ["SLURM_ARRAY_TASK_STEP"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = $"{Shards}", ["SLURM_CPUS_PER_TASK"] = Value(shards, @"--cpus-per-task=(\d+)"),
            }),
            (gather.Replace(cacheDir, shared, StringComparison.Ordinal), new Dictionary<string, string?>()),
            "Slurm SLURM_ARRAY_TASK_ID",
            slurm: true);
    }

    [Fact]
    public void The_GitHub_Actions_matrix_and_its_gather_job()
    {
        var workflow = Block("github-actions");
        var matrix = Value(workflow, @"shard:\s*\[([^\]]*)\]").Split(',').Select(s => s.Trim()).ToList();
        Assert.Equal(Shards, matrix.Count);
        var runs = RunLines(workflow);
        var shardRun = Assert.Single(runs, r => r.Contains("--shard", StringComparison.Ordinal));
        var gatherRun = Assert.Single(runs, r => r.Contains("--require-cached", StringComparison.Ordinal));
        Assert.Contains("AUGMENT_CACHE_URL: ${{ secrets.AUGMENT_CACHE_URL }}", workflow, StringComparison.Ordinal);
        var environment = new Dictionary<string, string?> { ["AUGMENT_CACHE_URL"] = _server.Url, ["AUGMENT_CACHE_TOKEN"] = string.Empty }; // an unset secret is empty
        Run(
            // GitHub evaluates the expressions before the shell runs the line.
            i => (shardRun.Replace("${{ strategy.job-index }}", $"{i}", StringComparison.Ordinal).Replace("${{ strategy.job-total }}", $"{matrix.Count}", StringComparison.Ordinal), environment),
            (gatherRun, environment),
            "--shard");
    }

    [Fact]
    public void The_GitLab_parallel_job_and_its_gather_job()
    {
        var pipeline = Block("gitlab");
        Assert.Equal($"{Shards}", Value(pipeline, @"parallel:\s*(\d+)"));
        var url = Value(pipeline, @"AUGMENT_CACHE_URL:\s*""([^""]+)""");
        var scripts = ScriptLines(pipeline);
        var shard = Assert.Single(scripts, s => s.Contains("--shard", StringComparison.Ordinal));
        var gather = Assert.Single(scripts, s => s.Contains("--require-cached", StringComparison.Ordinal));
        Assert.StartsWith("http", url, StringComparison.Ordinal);
        Run(
            i => ($"dotnet tool restore\n{shard}", new Dictionary<string, string?> { ["CI_NODE_INDEX"] = $"{i + 1}", ["CI_NODE_TOTAL"] = $"{Shards}", ["AUGMENT_CACHE_URL"] = _server.Url }),
            ($"dotnet tool restore\n{gather}", new Dictionary<string, string?> { ["AUGMENT_CACHE_URL"] = _server.Url }),
            "GitLab CI_NODE_INDEX");
    }

    public void Dispose()
    {
        _server.Dispose();
        _data.Dispose();
    }

    // Three shards, each on a fresh copy, then the gather on another; the gather's folder is compared with a one-machine build's.
    private void Run(
        Func<int, (string Script, Dictionary<string, string?> Environment)> shard, (string Script, Dictionary<string, string?> Environment) gather, string source,
        bool slurm = false)
    {
        _data.WriteConfig(variants: 2, pipeline: ShardGatherTests.MembranePipeline);
        using var copies = new DatasetCopies(_data.Root);
        var single = copies.Copy();
        Assert.Equal(0, DatasetCopies.Build(single, "augment.yaml", null).ExitCode);
        for (var i = 0; i < Shards; i++)
        {
            var folder = copies.Copy();
            var (script, environment) = shard(i);
            var result = Shell(folder, script, environment, slurm);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.StartsWith($"shard {i}/{Shards}: ", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains($"(from {source})", result.StandardError, StringComparison.Ordinal);
        }

        var gatherFolder = copies.Copy();
        var gathered = Shell(gatherFolder, gather.Script, gather.Environment, slurm);
        Assert.True(gathered.ExitCode == 0, gathered.ToString());
        Assert.Contains("(0 rendered, 40 from cache", gathered.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(DatasetCopies.Contents(Path.Combine(single, "out")), DatasetCopies.Contents(Path.Combine(gatherFolder, "out")));
    }

    private static ProcessResult Shell(string folder, string script, Dictionary<string, string?> environment, bool slurm)
    {
        const string Shim = """
            dotnet() {
              if [ "$1" = augment ]; then shift; command dotnet exec "$AUGMENT_TEST_CLI" "$@";
              elif [ "$1" = tool ] && [ "$2" = restore ]; then :;
              else command dotnet "$@"; fi
            }
            set -e
            """;
        var variables = new Dictionary<string, string?>(environment) { ["AUGMENT_TEST_CLI"] = RepoPaths.CliAssembly };
        if (slurm)
        {
            variables["SLURM_SUBMIT_DIR"] = folder;
        }

        return RunBash(folder, ["-c", Shim + "\n" + script], variables);
    }

    private static ProcessResult RunBash(string folder, List<string> arguments, Dictionary<string, string?> variables)
    {
        var environment = DatasetCopies.Variables.ToDictionary(v => v, v => (string?)null);
        environment["XDG_CACHE_HOME"] = Path.Combine(folder, ".home-cache");
        foreach (var (key, value) in variables)
        {
            environment[key] = value;
        }

        return ProcessRunner.Run("bash", arguments, folder, environment);
    }

    private static string Block(string name)
    {
        var marker = Page.IndexOf($"<!-- example: {name} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"docs/distributed.md has no example '{name}'");
        var start = Page.IndexOf('\n', Page.IndexOf("```", marker, StringComparison.Ordinal)) + 1;
        return Page[start..Page.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string Value(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"no match for {pattern} in:\n{text}");
        return match.Groups[1].Value;
    }

    // A Kubernetes env: list (- name: X / value: "Y").
    private static Dictionary<string, string?> EnvList(string manifest) =>
        EnvEntry().Matches(manifest).ToDictionary(m => m.Groups[1].Value, m => (string?)m.Groups[2].Value, StringComparer.Ordinal);

    // The shell line of a container's args: the list item after "args:".
    private static string Args(string manifest) => Value(manifest, @"args:\s*\n\s*-\s*(.+)");

    private static List<string> RunLines(string workflow) =>
        [.. workflow.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- run: ", StringComparison.Ordinal) && l.Contains("dotnet augment", StringComparison.Ordinal)).Select(l => l["- run: ".Length..])];

    private static List<string> ScriptLines(string pipeline) =>
        [.. pipeline.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- dotnet augment", StringComparison.Ordinal)).Select(l => l[2..])];

    [GeneratedRegex(@"-\s*name:\s*(\w+)\s*(?:#[^\n]*)?\n\s*value:\s*""([^""]*)""")]
    private static partial Regex EnvEntry();
}
