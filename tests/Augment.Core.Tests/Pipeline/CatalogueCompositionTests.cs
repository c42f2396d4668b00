using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Ops.Composition;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// What OneOrOther, RandomOrder and SelectiveChannelTransform choose and render, over many seeded
/// items. Binomial bounds are 5 standard deviations, as in <see cref="OpSamplingTests"/>.
/// </summary>
public sealed class CatalogueCompositionTests
{
    private const int Draws = 4000;

    private static readonly ImageInfo Info = new(64, 48, 3, 8);

    [Fact]
    public void OneOrOther_runs_the_first_child_with_probability_p_and_the_other_otherwise()
    {
        // Both children have p 0: OneOrOther runs the chosen one whatever its own p, as Albumentations does.
        var pipeline = PipelineTestKit.Pipeline("- OneOrOther: { p: 0.3, transforms: [ { HorizontalFlip: { p: 0 } }, { VerticalFlip: { p: 0 } } ] }");
        var firsts = 0;

        foreach (var records in Records(pipeline))
        {
            Assert.True(records[0].Applied);
            var child = Assert.Single(records.Skip(1));
            Assert.True(child.Applied);
            var chosen = Assert.Single(((CompositionParams)records[0].Params!).Chosen);
            Assert.Equal(chosen == 0 ? "HorizontalFlip" : "VerticalFlip", child.Op);
            firsts += chosen == 0 ? 1 : 0;
        }

        // binomial(4000, 0.3): sd 29.0; 5 sd is 145.
        Assert.InRange(firsts, 1200 - 145, 1200 + 145);
    }

    [Fact]
    public void RandomOrder_runs_its_children_in_every_order_about_equally_often()
    {
        var pipeline = PipelineTestKit.Pipeline("- RandomOrder: { n: 3, transforms: [ { HorizontalFlip: { p: 1 } }, { VerticalFlip: { p: 1 } }, { Transpose: { p: 1 } } ] }");
        var orders = new Dictionary<string, int>();

        foreach (var records in Records(pipeline))
        {
            var chosen = ((CompositionParams)records[0].Params!).Chosen;
            Assert.Equal(3, chosen.Distinct().Count());
            // The records follow the drawn order, and that order drives the rendering.
            Assert.Equal(chosen.Select(i => $"0.{i}"), records.Skip(1).Select(r => r.Path));
            var key = string.Join(',', chosen);
            orders[key] = orders.GetValueOrDefault(key) + 1;
        }

        // Six orders, each binomial(4000, 1/6): sd 23.6; 5 sd is 118.
        Assert.Equal(6, orders.Count);
        Assert.All(orders.Values, c => Assert.InRange(c, 667 - 118, 667 + 118));
    }

    [Fact]
    public void RandomOrder_children_keep_their_own_p()
    {
        var pipeline = PipelineTestKit.Pipeline("- RandomOrder: { n: 1, transforms: [ { HorizontalFlip: { p: 0.25 } } ] }");

        var applied = Records(pipeline).Count(r => r[1].Applied);

        // binomial(4000, 0.25): sd 27.4; 5 sd is 137.
        Assert.InRange(applied, 1000 - 137, 1000 + 137);
    }

    [Theory]
    [InlineData("[0]", new[] { 2 })]
    [InlineData("[2]", new[] { 0 })]
    [InlineData("[0, 2, 1]", new[] { 0, 1, 2 })]
    public void SelectiveChannelTransform_changes_only_the_selected_channels(string channels, int[] changedMemoryChannels)
    {
        // Albumentations numbers channels R, G, B; the image is held B, G, R in memory.
        using var source = PipelineTestKit.LoadCentreCrop("astronaut.png", 48);
        var pipeline = PipelineTestKit.Pipeline($"- SelectiveChannelTransform: {{ channels: {channels}, transforms: [ {{ InvertImg: {{ p: 1 }} }} ] }}");

        using var result = PipelineTestKit.Render(pipeline, PipelineTestKit.Sample(pipeline, source), source);

        for (var c = 0; c < 3; c++)
        {
            var inverted = changedMemoryChannels.Contains(c);
            for (var y = 0; y < source.Height; y++)
            {
                var before = source.Row(y);
                var after = result.Image.Row(y);
                for (var x = 0; x < source.Width; x++)
                {
                    var expected = inverted ? 255 - before[(x * 3) + c] : before[(x * 3) + c];
                    Assert.Equal(expected, after[(x * 3) + c]);
                }
            }
        }
    }

    [Fact]
    public void SelectiveChannelTransform_gives_a_child_the_channels_in_the_listed_order()
    {
        // ChannelSwap-like check through a channel-order-sensitive child: ToGray weighs R, G and B
        // differently, so listing [2, 1, 0] must give the weights of B, G, R.
        using var source = PipelineTestKit.LoadCentreCrop("astronaut.png", 48);
        var straight = PipelineTestKit.Pipeline("- SelectiveChannelTransform: { channels: [0, 1, 2], transforms: [ { ToGray: { p: 1 } } ] }");
        var swapped = PipelineTestKit.Pipeline("- SelectiveChannelTransform: { channels: [2, 1, 0], transforms: [ { ToGray: { p: 1 } } ] }");

        using var a = PipelineTestKit.Render(straight, PipelineTestKit.Sample(straight, source), source);
        using var b = PipelineTestKit.Render(swapped, PipelineTestKit.Sample(swapped, source), source);

        Assert.Equal(3, a.Image.Channels);
        Assert.NotEqual(a.Image.Row(24).ToArray(), b.Image.Row(24).ToArray());
    }

    [Fact]
    public void SelectiveChannelTransform_names_a_channel_a_gray_image_does_not_have()
    {
        var pipeline = PipelineTestKit.Pipeline("- SelectiveChannelTransform: { channels: [2], transforms: [ { InvertImg: { p: 1 } } ] }");

        var error = Assert.Throws<OpApplicationException>(
            () => PipelineSampler.Sample(pipeline, ItemSeed.Derive(1, "a.png", 0), new ImageInfo(32, 24, 1, 8)));

        Assert.Contains("SelectiveChannelTransform", error.Message, StringComparison.Ordinal);
        Assert.Contains("channel 2", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<IReadOnlyList<OpRecord>> Records(IReadOnlyList<IOp> pipeline) =>
        Enumerable.Range(0, Draws).Select(i => PipelineSampler.Sample(pipeline, ItemSeed.Derive(7, $"images/{i % 13}.png", i), Info));
}
