using Augment.Core.Randomness;

namespace Augment.Core.Tests.Randomness;

/// <summary>Seeded checks of each draw's range and distribution.</summary>
public sealed class RandomStreamDistributionTests
{
    private const int Draws = 100_000;

    private static RandomStream Stream(string op = "0") => RandomStream.ForOp(ItemSeed.Derive(1234, "x.png", 0), op);

    [Fact]
    public void Uniform_stays_in_range_and_has_the_expected_mean()
    {
        var rng = Stream();
        var values = Enumerable.Range(0, Draws).Select(_ => rng.Uniform(-15, 15)).ToArray();

        Assert.All(values, v => Assert.InRange(v, -15.0, 15.0));
        Assert.True(values.Min() < -14.9 && values.Max() > 14.9, "the draws do not cover the range");
        // The mean of n uniforms on [-15, 15] has sd 30/sqrt(12n) = 0.027; 5 sd is 0.14.
        Assert.InRange(values.Average(), -0.14, 0.14);
    }

    [Fact]
    public void Integers_are_in_range_and_each_value_is_about_equally_likely()
    {
        var rng = Stream();
        var counts = new int[7];
        for (var i = 0; i < Draws * 7 / 10; i++)
        {
            counts[rng.NextInt64(3, 10) - 3]++;
        }

        // Each count is binomial(70000, 1/7): mean 10000, sd 92.6; 5 sd is 463.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 463, 10_000 + 463));
    }

    [Fact]
    public void Bernoulli_honours_p_within_a_binomial_bound()
    {
        var rng = Stream();
        var hits = Enumerable.Range(0, Draws).Count(_ => rng.Bernoulli(0.3));

        // binomial(100000, 0.3): sd 144.9; 5 sd is 725.
        Assert.InRange(hits, 30_000 - 725, 30_000 + 725);
    }

    [Fact]
    public void Normal_has_the_requested_mean_and_spread()
    {
        var rng = Stream();
        var values = Enumerable.Range(0, Draws).Select(_ => rng.Normal(2, 3)).ToArray();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());

        // Mean: sd 3/sqrt(n) = 0.0095, bound 5 sd. Sample sd: its sd is about 3/sqrt(2n) = 0.0067, bound 5 sd.
        Assert.InRange(mean, 2 - 0.048, 2 + 0.048);
        Assert.InRange(sd, 3 - 0.034, 3 + 0.034);
    }

    [Fact]
    public void Different_ops_of_one_item_draw_different_sequences()
    {
        var a = Stream("0");
        var b = Stream("1");
        Assert.NotEqual(
            Enumerable.Range(0, 4).Select(_ => a.NextUInt64()),
            Enumerable.Range(0, 4).Select(_ => b.NextUInt64()));
    }
}
