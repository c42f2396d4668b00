using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace Augment.Benchmarks.Support;

/// <summary>
/// The one config every benchmark runs with (as ImageSharp.Benchmarks/Config.cs): a job short enough
/// that the whole suite takes minutes rather than an hour, managed allocations, and GitHub markdown
/// in artifacts/benchmarks/results. Every benchmark class runs with it: Program passes it to
/// BenchmarkSwitcher.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <param name="withJob">False when the command line names a job (<c>--job short</c>), which then runs instead.</param>
    public BenchmarkConfig(bool withJob = true)
    {
        // 250 ms iterations instead of 500: most calls take 1-60 ms, so an iteration still holds
        // several of them, and the slowest (ElasticTransform and the WebP and PNG encodes of the
        // colour image, 0.15-0.4 s) run once per iteration. 3 warm-ups and 8 measured iterations keep
        // one case to a few seconds and the whole suite to about a quarter of an hour on two cores.
        if (withJob)
        {
            AddJob(Job.Default
                .WithId("Micro")
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(8)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .AsDefault());
        }

        // MemoryDiagnoser counts managed allocations only; pixels live in native cv::Mat memory.
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(MarkdownExporter.GitHub);
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray());
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        // Wide enough for every op name (RandomBrightnessContrast is 24 characters).
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(32);
        ArtifactsPath = Path.Combine(Repository.Root, "artifacts", "benchmarks");
    }
}
