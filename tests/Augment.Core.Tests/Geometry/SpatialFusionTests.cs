using System.Globalization;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Augment.Core.Tests.Pipeline;
using Xunit.Abstractions;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// Fused rendering (one warp for a run of spatial ops) against the one-pass-per-op baseline
/// (<see cref="PipelineTestKit.RenderOneOpAtATime"/>) on the same records: they show the same geometry,
/// and the fused one is sharper. Compared only where both outputs come wholly from inside the source,
/// found by warping an all-255 validity image with the same records.
/// </summary>
public sealed class SpatialFusionTests(ITestOutputHelper output)
{
    // Tolerances for fused vs one-pass-per-op, 8-bit samples, over the region inside the source:
    // - The baseline resamples once per interpolating op; each extra bilinear pass at a fractional
    //   offset f weighs the neighbours f(1-f) <= 1/4 away from the fused kernel, so the difference is
    //   extra blur, large only on edges, and it grows with the number of extra passes. Measured over
    //   the 16 pipelines below (up to 3 extra passes) on 160x160 crops: mean 0.00 to 2.38 levels,
    //   99th percentile 0 to 18. Bounds: mean <= 3, p99 <= 24.
    // - Blur is not misregistration: shifting the fused output by one pixel raises the mean
    //   difference to 3.5 to 10.4 levels on these crops, and the unshifted mean is at most 0.37 of the
    //   shifted one. Bound: at most half, i.e. the geometry agrees to well under a pixel.
    private const double MeanTolerance = 3;
    private const int P99Tolerance = 24;
    private const double MaxShareOfOnePixelShift = 0.5;

    // When at most one op interpolates (the others are flips, exact permutations), the fused warp and
    // the baseline do the same single resampling and differ only by OpenCV's fixed-point rounding of
    // the coordinates (1/32 pixel): measured mean <= 0.015, 99th percentile <= 1.
    private const double SingleResampleMeanTolerance = 0.05;
    private const int SingleResampleP99Tolerance = 1;

    private const int CropSize = 160;

    private static readonly string[] Photographs = ["astronaut.png", "coffee.png", "chelsea.png", "coins.png"];

    private static readonly string[] OpChoices =
    [
        "- Rotate: { limit: 30, p: 1 }",
        "- Affine: { scale: [0.85, 1.15], rotate: [-20, 20], shear: [-12, 12], translate_percent: [-0.08, 0.08], p: 1 }",
        "- HorizontalFlip: { p: 1 }",
        "- VerticalFlip: { p: 1 }",
    ];

    public static TheoryData<int> Trials => new(Enumerable.Range(0, 16));

    [Theory]
    [MemberData(nameof(Trials))]
    public void Fused_output_matches_one_pass_per_op_within_tolerance(int trial)
    {
        var (pipeline, lines) = RandomPipeline(trial);
        using var source = PipelineTestKit.LoadCentreCrop(Photographs[trial % Photographs.Length], CropSize);
        var records = PipelineTestKit.Sample(pipeline, source, "images/fusion.png", trial);

        using var fused = PipelineTestKit.Render(pipeline, records, source);
        using var baseline = PipelineTestKit.RenderOneOpAtATime(pipeline, records, source);
        var inside = InsideBoth(pipeline, records, source);

        Assert.InRange(fused.Passes, 0, 1);
        var (mean, p99, max) = RegionMetrics.Differences(fused.Image, baseline, inside);
        var description = $"pipeline {string.Join(" ", lines)}: mean {mean:F3}, p99 {p99}, max {max}";
        output.WriteLine(description);
        var interpolating = lines.Count(l => l.Contains("Rotate", StringComparison.Ordinal) || l.Contains("Affine", StringComparison.Ordinal));
        if (interpolating <= 1)
        {
            Assert.True(mean <= SingleResampleMeanTolerance && p99 <= SingleResampleP99Tolerance, description);
        }
        else
        {
            Assert.True(mean <= MeanTolerance && p99 <= P99Tolerance, description);
        }

        var (shiftedMean, _, _) = RegionMetrics.Differences(fused.Image, baseline, inside, shiftX: 1);
        output.WriteLine($"one-pixel shift: mean {shiftedMean:F3}, ratio {mean / shiftedMean:F3}");
        Assert.True(mean <= MaxShareOfOnePixelShift * shiftedMean, $"a one-pixel shift gives a mean of {shiftedMean:F3}; {description}");
    }

    [Theory]
    [InlineData("astronaut.png", 10, 15)]
    [InlineData("coffee.png", 7.5, -20)]
    [InlineData("chelsea.png", 13, 13)]
    [InlineData("coins.png", -25, 4)]
    public void Two_fused_rotations_equal_one_rotation_by_the_sum_and_are_sharper_than_two_passes(string sample, double a, double b)
    {
        using var source = PipelineTestKit.LoadCentreCrop(sample, CropSize);
        var pipeline = PipelineTestKit.Pipeline($"- Rotate: {{ limit: [{Text(a)}, {Text(a)}], p: 1 }}\n- Rotate: {{ limit: [{Text(b)}, {Text(b)}], p: 1 }}");
        var single = PipelineTestKit.Pipeline($"- Rotate: {{ limit: [{Text(a + b)}, {Text(a + b)}], p: 1 }}");
        var records = PipelineTestKit.Sample(pipeline, source);

        using var fused = PipelineTestKit.Render(pipeline, records, source);
        using var baseline = PipelineTestKit.RenderOneOpAtATime(pipeline, records, source);
        using var reference = PipelineTestKit.Render(single, PipelineTestKit.Sample(single, source), source);
        var inside = InsideBoth(pipeline, records, source);

        // Measured: the fused output is byte-identical to the single rotation (infinite PSNR); the
        // two-pass baseline is 35.9 to 41 dB from it. Bounds: fused >= 50 dB, and at least 8 dB above
        // the baseline.
        var fusedPsnr = RegionMetrics.Psnr(reference.Image, fused.Image, inside);
        var baselinePsnr = RegionMetrics.Psnr(reference.Image, baseline, inside);
        output.WriteLine($"fused {fusedPsnr:F2} dB, one pass per op {baselinePsnr:F2} dB from a single rotation by {a + b}");
        Assert.True(fusedPsnr >= 50 && fusedPsnr >= baselinePsnr + 8, $"fused {fusedPsnr:F2} dB, one pass per op {baselinePsnr:F2} dB");

        // Measured: the fused output keeps 1.7 to 2.2 times the Laplacian energy of the two-pass one.
        var ratio = RegionMetrics.LaplacianEnergy(fused.Image, inside) / RegionMetrics.LaplacianEnergy(baseline, inside);
        output.WriteLine($"Laplacian energy fused / one pass per op: {ratio:F3}");
        Assert.True(ratio >= 1.5, $"the fused output keeps only {ratio:F3} times the high-frequency energy of the two-pass output");
    }

    [Theory]
    [InlineData("astronaut.png", "- Rotate: { limit: [17.3, 17.3], p: 1 }\n- Rotate: { limit: [-17.3, -17.3], p: 1 }")]
    [InlineData("coins.png", "- Rotate: { limit: [33, 33], p: 1 }\n- Rotate: { limit: [-33, -33], p: 1 }")]
    [InlineData("coffee.png", "- Affine: { scale: 1.25, rotate: 12, p: 1 }\n- Affine: { scale: 0.8, rotate: -12, p: 1 }")]
    [InlineData("chelsea.png", "- Affine: { scale: 1.25, rotate: 12, p: 1 }\n- Affine: { scale: 0.8, rotate: -12, p: 1 }")]
    public void A_transform_followed_by_its_inverse_keeps_the_source_only_when_fused(string sample, string pipelineYaml)
    {
        using var source = PipelineTestKit.LoadCentreCrop(sample, CropSize);
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);
        var records = PipelineTestKit.Sample(pipeline, source);

        using var fused = PipelineTestKit.Render(pipeline, records, source);
        using var baseline = PipelineTestKit.RenderOneOpAtATime(pipeline, records, source);
        var inside = InsideBoth(pipeline, records, source);

        // Measured on these crops: fused is exact (infinite PSNR); one pass per op is 30.2 to 36.9 dB
        // from the source and keeps 25 to 39 % of its Laplacian energy. Bounds: fused >= 60 dB, baseline
        // <= 45 dB; the baseline keeps <= 60 % and the fused output >= 95 % of the energy.
        var fusedPsnr = RegionMetrics.Psnr(source, fused.Image, inside);
        var baselinePsnr = RegionMetrics.Psnr(source, baseline, inside);
        output.WriteLine($"fused {fusedPsnr:F2} dB, one pass per op {baselinePsnr:F2} dB from the source");
        Assert.True(fusedPsnr >= 60 && baselinePsnr <= 45, $"fused {fusedPsnr:F2} dB, one pass per op {baselinePsnr:F2} dB from the source");

        var sourceEnergy = RegionMetrics.LaplacianEnergy(source, inside);
        var fusedKept = RegionMetrics.LaplacianEnergy(fused.Image, inside) / sourceEnergy;
        var baselineKept = RegionMetrics.LaplacianEnergy(baseline, inside) / sourceEnergy;
        output.WriteLine($"Laplacian energy kept: fused {fusedKept:P1}, one pass per op {baselineKept:P1}");
        Assert.True(fusedKept >= 0.95 && baselineKept <= 0.6, $"fused keeps {fusedKept:P1}, one pass per op {baselineKept:P1} of the Laplacian energy");
    }

    // A seeded choice of 2 to 4 ops, so that a failure names a pipeline that can be rerun.
    private static (IReadOnlyList<IOp> Pipeline, string[] Lines) RandomPipeline(int trial)
    {
        var random = new Random(9000 + trial);
        var lines = Enumerable.Range(0, random.Next(2, 5)).Select(_ => OpChoices[random.Next(OpChoices.Length)]).ToArray();
        return (PipelineTestKit.Pipeline(string.Join('\n', lines)), lines);
    }

    private static bool[] InsideBoth(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer source)
    {
        using var ones = PipelineTestKit.Filled(source.Width, source.Height, 8, 1, 255);
        using var fused = PipelineTestKit.Render(pipeline, records, ones);
        using var baseline = PipelineTestKit.RenderOneOpAtATime(pipeline, records, ones);
        return RegionMetrics.Both(RegionMetrics.Inside(fused.Image), RegionMetrics.Inside(baseline));
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
