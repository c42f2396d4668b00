using Augment.Benchmarks.Support;
using Augment.Core.Imaging;
using Augment.Core.Pipeline;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks.Ops;

/// <summary>
/// Every op of the catalogue, rendered alone on each input as the engine renders an item: from its
/// sampled records (no random number drawn in the measured call), through
/// <see cref="PipelineRenderer"/>, which copies the source before a pixel op and resamples once for a
/// spatial op. Displacement fields (ElasticTransform, GridDistortion) are built inside the measured
/// call, as in a build.
/// </summary>
[SampledColumn]
public class OpBenchmarks
{
    private ImageBuffer? _input;
    private OpCase? _case;

    public static IEnumerable<string> Ops => OpCase.Names;

    [ParamsSource(nameof(Ops))]
    public string Op { get; set; } = string.Empty;

    [ParamsAllValues]
    public BenchmarkImage Image { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkImages.Load(Image);
        _case = OpCase.Prepare(Op, Image, _input);
    }

    [GlobalCleanup]
    public void Cleanup() => _input?.Dispose();

    [Benchmark]
    public int Render()
    {
        using var result = PipelineRenderer.Render(_case!.Config.Pipeline, _case.Records, _input!, [], _case.Config.MaskFill);
        return result.Image.Width;
    }
}
