using Augment.Core.Randomness;

namespace Augment.Core.Tests.Randomness;

/// <summary>
/// Fields of draws (RandomFields.Fill, FieldNormal.Fill) give the values of the same draws made one by
/// one, and leave the stream where those draws leave it.
/// </summary>
public sealed class RandomFieldsTests
{
    [Theory]
    [InlineData(1UL, 1)]
    [InlineData(2UL, 127)]
    [InlineData(3UL, 4096)]
    [InlineData(4UL, 20_000)]
    [InlineData(5UL, 65_537)]
    public void A_gaussian_field_is_its_draws_one_by_one(ulong seed, int count)
    {
        var filled = RandomStream.ForField(seed);
        var values = new float[count];
        RandomFields.Fill(filled, values, gaussian: true);

        var oneByOne = RandomStream.ForField(seed);
        var expected = new float[count];
        for (var i = 0; i < count; i++)
        {
            expected[i] = (float)oneByOne.FieldNormal();
        }

        Assert.Equal(expected, values);
        Assert.Equal(oneByOne.NextUInt64(), filled.NextUInt64());
        Assert.Equal(oneByOne.NextUInt64(), filled.NextUInt64());
    }

    [Fact]
    public void A_large_gaussian_field_takes_the_rare_path_and_uses_its_extra_outputs()
    {
        // 20,000 draws take a few hundred failed rectangle tests, each one output or more beyond the
        // draw's own: the stream continues after all of them.
        const int Count = 20_000;
        var filled = RandomStream.ForField(99);
        var values = new double[Count];
        FieldNormal.Fill(ref filled.Generator, values);
        var next = filled.NextUInt64();

        var skipped = RandomStream.ForField(99);
        var used = 0;
        while (skipped.NextUInt64() != next)
        {
            used++;
            Assert.True(used < 2 * Count, "the stream after the field is not within twice its length");
        }

        Assert.InRange(used, Count + 100, Count + 3000);
        Assert.Contains(values, v => Math.Abs(v) > 3.442619855899);
    }

    [Theory]
    [InlineData(11UL, 1)]
    [InlineData(12UL, 1000)]
    [InlineData(13UL, 65_536)]
    public void A_uniform_field_is_its_draws_one_by_one_one_output_each(ulong seed, int count)
    {
        var filled = RandomStream.ForField(seed);
        var values = new float[count];
        RandomFields.Fill(filled, values, gaussian: false);

        var oneByOne = RandomStream.ForField(seed);
        var expected = new float[count];
        for (var i = 0; i < count; i++)
        {
            expected[i] = (float)oneByOne.Uniform(-1, 1);
        }

        Assert.Equal(expected, values);
        Assert.All(values, v => Assert.InRange(v, -1f, 1f));
        var skipped = RandomStream.ForField(seed);
        for (var i = 0; i < count; i++)
        {
            skipped.NextUInt64();
        }

        Assert.Equal(skipped.NextUInt64(), filled.NextUInt64());
    }

    [Fact]
    public void Fields_filled_in_pieces_are_the_field_filled_at_once()
    {
        var whole = new double[30_000];
        var once = RandomStream.ForField(7);
        FieldNormal.Fill(ref once.Generator, whole);

        var pieces = RandomStream.ForField(7);
        var parts = new double[whole.Length];
        int[] sizes = [0, 1, 2, 3, 5, 8, 13, 127, 128, 129, 1000, 4096];
        var at = 0;
        for (var k = 0; at < parts.Length; k++)
        {
            var size = Math.Min(sizes[k % sizes.Length], parts.Length - at);
            FieldNormal.Fill(ref pieces.Generator, parts.AsSpan(at, size));
            at += size;
        }

        Assert.Equal(whole, parts);
        Assert.Equal(once.NextUInt64(), pieces.NextUInt64());
    }

    [Fact]
    public void An_empty_field_draws_nothing()
    {
        var filled = RandomStream.ForField(5);
        RandomFields.Fill(filled, [], gaussian: true);
        RandomFields.Fill(filled, [], gaussian: false);
        Assert.Equal(RandomStream.ForField(5).NextUInt64(), filled.NextUInt64());
    }

    [Fact]
    public void Field_normals_have_the_moments_of_a_standard_normal()
    {
        // A wrong table entry or wedge test shifts the moments far beyond these bounds (the standard
        // error of the mean over 10^6 draws is 0.001, of the variance 0.0014).
        var values = new double[1_000_000];
        var field = RandomStream.ForField(2024);
        FieldNormal.Fill(ref field.Generator, values);

        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();
        var beyond = values.Count(v => Math.Abs(v) > 3.442619855899) / (double)values.Length;
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.993, 1.007);
        Assert.InRange(beyond, 0.00040, 0.00075); // 2 * (1 - Phi(3.4426)) = 0.000576
    }
}
