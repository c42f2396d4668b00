using Augment.Core.Randomness;

namespace Augment.Core.Tests.Randomness;

/// <summary>
/// The published vectors of docs/randomness.md, printed by tests/vectors/randomness_vectors.py, an
/// independent implementation written from that document.
/// </summary>
public sealed class RandomnessVectorTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_sequence_from_state_1_2_3_4()
    {
        var generator = new Xoshiro256StarStar(1, 2, 3, 4);

        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600];
        Assert.Equal(expected, expected.Select(_ => generator.Next()).ToArray());
    }

    [Theory]
    [InlineData(42UL, "images/a.png", 0, "d07fa34a73a52612de1c8bfecd6659031fba57027c5b3d18e0a66c5f8748f378")]
    [InlineData(42UL, "images/a.png", 1, "e93e16346f3f811dcaa8fa55139148ea74f2d7a2afbd06f34a8f1fa9414051dd")]
    [InlineData(7UL, "sub/dir/b.jpg", 3, "4bb4b9a29f420b57c171beb317000e8f833d4c90d99c53fd20a7138b53ffc001")]
    public void Item_seeds_match_the_vectors(ulong master, string path, int variant, string hex)
    {
        Assert.Equal(hex, ItemSeed.Derive(master, path, variant).Hex);
    }

    [Fact]
    public void Item_paths_use_forward_slashes_whatever_the_platform_gave()
    {
        Assert.Equal(ItemSeed.Derive(7, "sub/dir/b.jpg", 3), ItemSeed.Derive(7, @"sub\dir\b.jpg", 3));
    }

    [Fact]
    public void Op_streams_match_the_vectors()
    {
        var seed = ItemSeed.Derive(42, "images/a.png", 0);

        var op0 = RandomStream.ForOp(seed, "0");
        ulong[] expected = [58280997441640187, 549174376330207651, 12269779384933348652, 7331035515347364585];
        Assert.Equal(expected, expected.Select(_ => op0.NextUInt64()).ToArray());

        var nested = RandomStream.ForOp(seed, "2.1");
        double[] doubles = [0.10277440140742278, 0.3848063831906433, 0.4686838736981578];
        Assert.Equal(doubles, doubles.Select(_ => nested.NextDouble()).ToArray());
    }

    [Fact]
    public void Field_streams_match_the_vectors()
    {
        var field = RandomStream.ForField(12345);
        ulong[] expected = [12020363425030373085, 4848402892292438620, 8255566263745708839];
        Assert.Equal(expected, expected.Select(_ => field.NextUInt64()).ToArray());
    }

    [Fact]
    public void Field_normals_match_the_vectors()
    {
        // The shim draws fields of normal values (FieldNormal, the ziggurat); as floats here.
        var field = RandomStream.ForField(12345);
        double[] expected = [0.34464101807105907, -0.5459468240584642, -0.19952328665240907, 0.12329373828838912, 0.5989405928563433];
        var values = new float[expected.Length];
        TemporaryFields.Fill(field, values, true);
        Assert.Equal(expected.Select(v => (float)v).ToArray(), values);
    }

    [Fact]
    public void A_field_continues_the_stream_where_the_shim_stopped()
    {
        // One attempt per value here (no wedge or tail among the first five): five outputs used.
        var drawn = RandomStream.ForField(12345);
        TemporaryFields.Fill(drawn, new float[5], true);
        var skipped = RandomStream.ForField(12345);
        for (var i = 0; i < 5; i++)
        {
            skipped.NextUInt64();
        }

        Assert.Equal(skipped.NextUInt64(), drawn.NextUInt64());
    }

    [Fact]
    public void An_item_seed_round_trips_through_its_hex_form()
    {
        var seed = ItemSeed.Derive(42, "images/a.png", 0);
        Assert.Equal(seed, ItemSeed.FromHex(seed.Hex));
        Assert.Equal(
            RandomStream.ForOp(seed, "1").NextUInt64(),
            RandomStream.ForOp(ItemSeed.FromHex(seed.Hex), "1").NextUInt64());
    }
}
