using Augment.Core.Config;

namespace Augment.Benchmarks.Support;

/// <summary>Configs for the benchmarks, bound from YAML as a user's would be: every default resolved, every value checked.</summary>
internal static class Pipelines
{
    /// <summary>A config whose pipeline is <paramref name="entries"/> (each written as after "- " in augment.yaml).</summary>
    public static AugmentConfig Parse(params string[] entries)
    {
        var pipeline = string.Concat(entries.Select(e => $"  - {e}\n"));
        return AugmentConfigLoader.Parse($"version: 1\nseed: 1\ninputs:\n  images: \"images/*.png\"\npipeline:\n{pipeline}", "benchmark.yaml");
    }
}
