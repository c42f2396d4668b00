using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// Seeded checks of what the current ops sample, through <see cref="PipelineSampler"/> over many items:
/// every parameter within its configured range (and reaching near both ends), and <c>p</c> honoured.
/// Binomial bounds are 5 standard deviations: a correct sampler fails one about once in 1.7 million runs.
/// </summary>
public sealed class OpSamplingTests
{
    private const int Draws = 4000;

    private static readonly ImageInfo Info = new(200, 120, 3, 8);

    [Fact]
    public void Rotate_angles_stay_within_limit()
    {
        var asymmetric = Params<RotateParams>("- Rotate: { limit: [-25, 40], p: 1 }").Select(p => p.Angle).ToList();
        AssertCovers(asymmetric, -25, 40);

        var symmetric = Params<RotateParams>("- Rotate: { limit: 30, p: 1 }").Select(p => p.Angle).ToList();
        AssertCovers(symmetric, -30, 30);

        Assert.All(Params<RotateParams>("- Rotate: { limit: [12.5, 12.5], p: 1 }", 50), p => Assert.Equal(12.5, p.Angle));
    }

    [Fact]
    public void Affine_parameters_stay_within_their_ranges()
    {
        var samples = Params<AffineParams>(
            "- Affine: { scale: [0.8, 1.2], rotate: [-10, 20], shear: [-5, 5], translate_percent: [-0.1, 0.2], translate_px: [-3, 4], p: 1 }");

        AssertCovers(samples.Select(p => p.Scale).ToList(), 0.8, 1.2);
        AssertCovers(samples.Select(p => p.Rotate).ToList(), -10, 20);
        AssertCovers(samples.Select(p => p.Shear).ToList(), -5, 5);
        // Translation is recorded as drawn: a fraction of the size and pixels, separately for x and y.
        AssertCovers(samples.Select(p => p.TranslatePercentX).ToList(), -0.1, 0.2);
        AssertCovers(samples.Select(p => p.TranslatePercentY).ToList(), -0.1, 0.2);
        AssertCovers(samples.Select(p => p.TranslateX).ToList(), -3, 4);
        AssertCovers(samples.Select(p => p.TranslateY).ToList(), -3, 4);
        Assert.True(samples.Count(p => p.TranslatePercentX != p.TranslatePercentY) > Draws * 0.99, "x and y translations are not drawn separately");

        // Single numbers mean "always this value".
        Assert.All(Params<AffineParams>("- Affine: { scale: 1.5, rotate: 7, shear: -3, translate_px: 5, p: 1 }", 50),
            p => Assert.Equal(new AffineParams(7, 1.5, 5, 5, -3), p));
    }

    [Fact]
    public void RandomBrightnessContrast_stays_within_its_limits()
    {
        var samples = Params<RandomBrightnessContrastParams>("- RandomBrightnessContrast: { brightness_limit: [-0.1, 0.3], contrast_limit: 0.4, p: 1 }");

        AssertCovers(samples.Select(p => p.Brightness).ToList(), -0.1, 0.3);
        AssertCovers(samples.Select(p => p.Contrast).ToList(), -0.4, 0.4);
    }

    [Theory]
    [InlineData(3, 9, new[] { 3, 5, 7, 9 })]
    [InlineData(4, 8, new[] { 5, 7 })]
    [InlineData(3, 3, new[] { 3 })]
    [InlineData(5, 6, new[] { 5 })]
    [InlineData(0, 0, new[] { 0 })]
    public void GaussianBlur_kernels_are_odd_sizes_within_blur_limit_and_sigma_within_sigma_limit(int low, int high, int[] sizes)
    {
        var samples = Params<GaussianBlurParams>($"- GaussianBlur: {{ blur_limit: [{low}, {high}], sigma_limit: [0.4, 2.5], p: 1 }}", 1000);

        AssertCovers(samples.Select(p => p.Sigma).ToList(), 0.4, 2.5);
        // Every odd size in the range turns up (each has probability >= 1/4 over 1000 draws), no other.
        Assert.Equal(sizes, samples.Select(p => p.KernelSize).Distinct().Order());
    }

    [Fact]
    public void RandomRotate90_draws_each_quarter_turn_about_equally_often()
    {
        var counts = Params<RandomRotate90Params>("- RandomRotate90: { p: 1 }").GroupBy(p => p.Factor).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([0, 1, 2, 3], counts.Keys.Order());
        // Each count is binomial(4000, 1/4): sd 27.4; 5 sd is 137.
        Assert.All(counts.Values, c => Assert.InRange(c, 1000 - 137, 1000 + 137));
    }

    [Theory]
    [InlineData("- Rotate: { limit: 30, p: 0.3 }")]
    [InlineData("- HorizontalFlip: { p: 0.5 }")]
    [InlineData("- GaussianBlur: { p: 0.7 }")]
    [InlineData("- RandomBrightnessContrast: { p: 0.1 }")]
    [InlineData("- OneOf: { p: 0.25, transforms: [ VerticalFlip, Transpose ] }")]
    [InlineData("- Affine: { scale: 1.1, p: 0.9 }")]
    public void P_is_honoured_within_a_binomial_bound(string pipelineYaml)
    {
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);
        var p = pipeline[0].Probability;

        var fired = Records(pipeline, Draws).Count(records => records[0].Applied);

        var sd = Math.Sqrt(Draws * p * (1 - p));
        Assert.InRange(fired, (Draws * p) - (5 * sd), (Draws * p) + (5 * sd));
    }

    [Fact]
    public void P_of_zero_never_fires_and_p_of_one_always_does()
    {
        var pipeline = PipelineTestKit.Pipeline("- Rotate: { limit: 30, p: 0 }\n- GaussianBlur: { p: 1 }\n- OneOf: { p: 0, transforms: [ VerticalFlip ] }");

        foreach (var records in Records(pipeline, 1000))
        {
            Assert.Equal([false, true, false], records.Select(r => r.Applied));
            Assert.Null(records[0].Params);
        }
    }

    [Fact]
    public void OneOf_runs_exactly_one_child_chosen_by_weight_whatever_its_p()
    {
        // Children's p are weights 1 : 3; the chosen one runs even though its own p is below 1.
        var pipeline = PipelineTestKit.Pipeline("- OneOf: { p: 1, transforms: [ { Rotate: { limit: 10, p: 0.1 } }, { GaussianBlur: { p: 0.3 } } ] }");
        var chosenSecond = 0;

        foreach (var records in Records(pipeline, Draws))
        {
            var children = records.Skip(1).ToList();
            Assert.Single(children);
            Assert.True(children[0].Applied);
            Assert.Equal(((CompositionParams)records[0].Params!).Chosen.Single(), int.Parse(children[0].Path[2..], System.Globalization.CultureInfo.InvariantCulture));
            chosenSecond += children[0].Op == "GaussianBlur" ? 1 : 0;
        }

        // binomial(4000, 0.75): sd 27.4; 5 sd is 137.
        Assert.InRange(chosenSecond, 3000 - 137, 3000 + 137);
    }

    [Fact]
    public void SomeOf_runs_n_distinct_children_in_listed_order_each_equally_often()
    {
        var pipeline = PipelineTestKit.Pipeline("- SomeOf: { n: 2, transforms: [ HorizontalFlip, VerticalFlip, Transpose, { Rotate: { limit: 5, p: 0 } } ] }");
        var counts = new int[4];
        var applied = new int[4];

        foreach (var records in Records(pipeline, Draws))
        {
            var chosen = ((CompositionParams)records[0].Params!).Chosen;
            Assert.Equal(2, chosen.Distinct().Count());
            Assert.Equal(chosen.Order(), chosen);
            Assert.Equal(2, records.Count - 1);
            for (var i = 0; i < chosen.Count; i++)
            {
                counts[chosen[i]]++;
                applied[chosen[i]] += records[1 + i].Applied ? 1 : 0;
            }
        }

        // Each child is in binomial(4000, 1/2) draws: sd 31.6; 5 sd is 158.
        Assert.All(counts, c => Assert.InRange(c, 2000 - 158, 2000 + 158));

        // As in Albumentations 2.x, a chosen child still draws its own p: the flips' default 0.5
        // (binomial(about 2000, 1/2): sd 22.4; 5 sd is 112), and never the Rotate of p 0.
        Assert.All(applied.Take(3).Zip(counts), pair => Assert.InRange(pair.First, (pair.Second / 2) - 112, (pair.Second / 2) + 112));
        Assert.Equal(0, applied[3]);
    }

    [Fact]
    public void Sequential_children_draw_their_own_p()
    {
        var pipeline = PipelineTestKit.Pipeline("- Sequential: { p: 1, transforms: [ { HorizontalFlip: { p: 0.2 } }, { GaussianBlur: { p: 0.8 } } ] }");
        var all = Records(pipeline, Draws).ToList();

        var flips = all.Count(r => r[1].Applied);
        var blurs = all.Count(r => r[2].Applied);

        // binomial(4000, 0.2) and (4000, 0.8): sd 25.3; 5 sd is 126.
        Assert.InRange(flips, 800 - 126, 800 + 126);
        Assert.InRange(blurs, 3200 - 126, 3200 + 126);
    }

    private static IEnumerable<IReadOnlyList<OpRecord>> Records(IReadOnlyList<IOp> pipeline, int count) =>
        Enumerable.Range(0, count).Select(i => PipelineSampler.Sample(pipeline, ItemSeed.Derive(7, $"images/{i % 13}.png", i), Info));

    private static List<T> Params<T>(string pipelineYaml, int count = Draws) =>
        Records(PipelineTestKit.Pipeline(pipelineYaml), count).Select(records => Assert.IsType<T>(Assert.Single(records).Params)).ToList();

    // Every value in [low, high] (up to rounding), and some within `slack` of each end, so the range is
    // used whole. For n uniform draws the chance that none lands in an end's 1/40 of the range is 2e-44.
    private static void AssertCovers(IReadOnlyList<double> values, double low, double high, double? slack = null)
    {
        var margin = slack ?? ((high - low) / 40);
        const double rounding = 1e-9;
        Assert.All(values, v => Assert.InRange(v, low - rounding, high + rounding));
        Assert.True(values.Min() < low + margin, $"the smallest draw {values.Min()} is not near {low}");
        Assert.True(values.Max() > high - margin, $"the largest draw {values.Max()} is not near {high}");
    }
}
