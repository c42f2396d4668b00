using Augment.Benchmarks.Support;
using Augment.Core.Config;
using Augment.Core.Imaging;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks.Geometry;

/// <summary>Three consecutive spatial ops of a benchmark chain.</summary>
public enum GeometryChain
{
    /// <summary>Matrices only: the fused run is one warpAffine/warpPerspective.</summary>
    FlipAffineRotate,

    /// <summary>With a displacement field: the fused run is one remap over a map built in managed code.</summary>
    FlipElasticRotate,
}

/// <summary>
/// The fused geometry path (docs/geometry.md, PRODUCT.md section 5): consecutive spatial ops rendered
/// as one <see cref="Augment.Core.Geometry.SpatialRun"/>, one resampling pass, against the same ops
/// with the same parameters rendered one pass per op, each from the previous op's output.
/// </summary>
public class FusedGeometryBenchmarks
{
    private ImageBuffer? _input;
    private AugmentConfig? _config;
    private IReadOnlyList<OpRecord> _records = [];

    [ParamsAllValues]
    public GeometryChain Chain { get; set; }

    [ParamsAllValues]
    public BenchmarkImage Image { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkImages.Load(Image);
        var middle = Chain == GeometryChain.FlipAffineRotate
            ? "Affine: { rotate: [-15, 15], scale: [0.9, 1.1], translate_percent: [-0.06, 0.06], p: 1 }"
            : "ElasticTransform: { alpha: 34, sigma: 4, p: 1 }";
        _config = Pipelines.Parse("HorizontalFlip: { p: 1 }", middle, "Rotate: { limit: 30, p: 1 }");
        _records = PipelineSampler.Sample(_config.Pipeline, ItemSeed.Derive(_config.Seed, BenchmarkImages.ItemPath, 0), ImageInfo.Of(_input));

        // Guard: the two paths really are one pass and three.
        using var fused = PipelineRenderer.Render(_config.Pipeline, _records, _input, [], _config.MaskFill);
        var passes = PassesOneOpAtATime();
        if (_records.Count(r => r.Applied) != 3 || fused.Passes != 1 || passes != 3)
        {
            throw new InvalidOperationException($"{Chain}: expected 3 applied ops, 1 fused pass and 3 single passes; got {_records.Count(r => r.Applied)}, {fused.Passes} and {passes}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _input?.Dispose();

    [Benchmark(Baseline = true)]
    public int Fused()
    {
        using var result = PipelineRenderer.Render(_config!.Pipeline, _records, _input!, [], _config.MaskFill);
        return result.Passes;
    }

    [Benchmark]
    public int OnePassPerOp() => PassesOneOpAtATime();

    // Each op's record alone renders just that op; its output is the next op's input.
    private int PassesOneOpAtATime()
    {
        var image = _input!;
        var passes = 0;
        foreach (var record in _records)
        {
            var result = PipelineRenderer.Render(_config!.Pipeline, [record], image, [], _config.MaskFill);
            if (!ReferenceEquals(image, _input))
            {
                image.Dispose();
            }

            image = result.Image;
            passes += result.Passes;
        }

        if (!ReferenceEquals(image, _input))
        {
            image.Dispose();
        }

        return passes;
    }
}
