using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Augment.Core.Dataset;

/// <summary>
/// One shard of a build spread over a scheduler's tasks (docs/distributed.md): shard
/// <see cref="Index"/> of <see cref="Count"/>, counting from 0. Sources are partitioned by a stable
/// hash of their path (the first 8 bytes of its SHA-256, little-endian, modulo the count), so every
/// source is decoded by one shard only and adding a source moves no other.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The variable a Kubernetes Indexed Job's manifest sets to the number of shards (the job's completions).</summary>
    public const string CountVariable = "AUGMENT_SHARDS";

    public bool Holds(string sourcePath)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sourcePath), digest);
        return (int)(BinaryPrimitives.ReadUInt64LittleEndian(digest) % (ulong)Count) == Index;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>"I/N", I from 0 to N - 1.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new ArgumentException($"--shard '{text}' is not I/N (shard I of N, I from 0) or env");
        }

        return Of(index, count, $"--shard {text}");
    }

    /// <summary>
    /// The shard a scheduler's own variables name: a Kubernetes Indexed Job (<c>JOB_COMPLETION_INDEX</c>,
    /// with the count from <paramref name="count"/> or <see cref="CountVariable"/>), a Slurm job array
    /// (<c>SLURM_ARRAY_TASK_ID</c> less <c>SLURM_ARRAY_TASK_MIN</c>, over its step, of
    /// <c>SLURM_ARRAY_TASK_COUNT</c>), or a GitLab <c>parallel:</c> job (<c>CI_NODE_INDEX</c>, from 1, of
    /// <c>CI_NODE_TOTAL</c>). None, or several, is an error that names what was found.
    /// </summary>
    public static Shard FromEnvironment(Func<string, string?> variable, int? count = null)
    {
        var found = new List<(string Scheduler, Func<Shard> Read)>();
        if (variable("JOB_COMPLETION_INDEX") is { } k8s)
        {
            found.Add(("Kubernetes (JOB_COMPLETION_INDEX)", () =>
            {
                var total = count ?? (variable(CountVariable) is { } n ? Number(n, CountVariable) : throw new ArgumentException(
                    $"--shard env: JOB_COMPLETION_INDEX is set but not the number of shards; pass --shards N or set {CountVariable} (the job's completions)"));
                return Of(Number(k8s, "JOB_COMPLETION_INDEX"), total, "JOB_COMPLETION_INDEX");
            }));
        }

        if (variable("SLURM_ARRAY_TASK_ID") is { } slurm)
        {
            found.Add(("Slurm (SLURM_ARRAY_TASK_ID)", () => Slurm(variable, slurm)));
        }

        if (variable("CI_NODE_INDEX") is { } gitlab)
        {
            found.Add(("GitLab (CI_NODE_INDEX)", () => Of(
                Number(gitlab, "CI_NODE_INDEX") - 1,
                Number(variable("CI_NODE_TOTAL") ?? throw new ArgumentException("--shard env: CI_NODE_INDEX is set but CI_NODE_TOTAL is not"), "CI_NODE_TOTAL"),
                "CI_NODE_INDEX (from 1) of CI_NODE_TOTAL")));
        }

        return found.Count switch
        {
            1 => found[0].Read(),
            0 => throw new ArgumentException(
                "--shard env: no scheduler's variables are set (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, CI_NODE_INDEX); a GitHub Actions matrix sets none: pass --shard ${{ strategy.job-index }}/${{ strategy.job-total }}"),
            _ => throw new ArgumentException($"--shard env: the variables of {string.Join(" and ", found.Select(f => f.Scheduler))} are all set; pass --shard I/N"),
        };
    }

    /// <summary>Which scheduler's variables <see cref="FromEnvironment"/> reads (for the log line), or "none".</summary>
    public static string Source(Func<string, string?> variable) =>
        string.Join(", ", new[] { ("JOB_COMPLETION_INDEX", "Kubernetes JOB_COMPLETION_INDEX"), ("SLURM_ARRAY_TASK_ID", "Slurm SLURM_ARRAY_TASK_ID"), ("CI_NODE_INDEX", "GitLab CI_NODE_INDEX") }
            .Where(v => variable(v.Item1) is not null).Select(v => v.Item2).DefaultIfEmpty("none"));

    private static Shard Slurm(Func<string, string?> variable, string id)
    {
        string Required(string name) => variable(name) ?? throw new ArgumentException($"--shard env: SLURM_ARRAY_TASK_ID is set but {name} is not");
        var (task, min, total) = (Number(id, "SLURM_ARRAY_TASK_ID"), Number(Required("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN"), Number(Required("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_COUNT"));
        var step = variable("SLURM_ARRAY_TASK_STEP") is { } s ? Number(s, "SLURM_ARRAY_TASK_STEP") : 1;
        if (step < 1 || (task - min) % step != 0 ||
            (variable("SLURM_ARRAY_TASK_MAX") is { } max && ((Number(max, "SLURM_ARRAY_TASK_MAX") - min) / step) + 1 != total))
        {
            throw new ArgumentException($"--shard env: the Slurm array ({min} to {variable("SLURM_ARRAY_TASK_MAX") ?? "?"} step {step}, {total} tasks) is not evenly stepped; pass --shard I/N");
        }

        return Of((task - min) / step, total, "SLURM_ARRAY_TASK_ID");
    }

    private static Shard Of(int index, int count, string what) =>
        count < 1 ? throw new ArgumentException($"{what}: the number of shards is {count}; it must be at least 1")
        : index < 0 || index >= count ? throw new ArgumentException($"{what}: shard {index} is not one of 0 to {count - 1}")
        : new Shard(index, count);

    private static int Number(string text, string name) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"--shard env: {name} is '{text}', not a whole number");
}
