using Augment.Core.Ops;
using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Preview;

namespace Augment.Core.Tests.Preview;

/// <summary>The preview's captions: what fired with its main parameters, wrapped to the tile, cut with "..." past the last line.</summary>
public sealed class TileCaptionTests
{
    private const int CharWidth = 6;

    private static readonly OpRecord Flip = new("0", "HorizontalFlip", true, NoParams.Instance);
    private static readonly OpRecord Affine = new("1", "Affine", true, new AffineParams(-3.0491, 1.07, 0, 0, 0));
    private static readonly OpRecord Contrast = new("2", "RandomBrightnessContrast", true, new RandomBrightnessContrastParams(-0.001, 0.18));

    [Fact]
    public void A_summary_names_the_op_and_its_first_two_parameters_rounded_to_two_decimals()
    {
        Assert.Equal("HorizontalFlip", TileCaption.Summary(Flip));
        Assert.Equal("Affine rotate=-3.05 scale=1.07", TileCaption.Summary(Affine));
        Assert.Equal("RandomBrightnessContrast brightness=0 contrast=0.18", TileCaption.Summary(Contrast)); // -0.001 is "0", not "-0"
    }

    [Fact]
    public void Only_ops_that_fired_are_listed_ops_share_lines_and_parameters_wrap_indented()
    {
        var record = new ItemRecord("seed", [Flip, Affine with { Applied = false, Params = null }, Contrast], 1);

        var lines = TileCaption.OfVariant("images/cell.png", 2, record, Width, 40 * CharWidth);

        Assert.Equal(["cell.png variant 2", "HorizontalFlip, RandomBrightnessContrast", "  brightness=0 contrast=0.18"], lines);
        Assert.All(lines, l => Assert.InRange(Width(l), 0, 40 * CharWidth));
    }

    [Fact]
    public void Past_the_last_line_the_caption_ends_with_an_ellipsis_after_whole_words()
    {
        var record = new ItemRecord("seed", [.. Enumerable.Range(0, 8).Select(i => Affine with { Path = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })], 1);

        var lines = TileCaption.OfVariant("cell.png", 0, record, Width, 32 * CharWidth);

        Assert.Equal(TileCaption.MaxLines, lines.Count);
        Assert.EndsWith(" ...", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotMatch(@"=-? \.\.\.$|=[0-9.-]*[0-9]\.\.\.", lines[^1]); // no number cut in half
        Assert.All(lines, l => Assert.InRange(Width(l), 0, 32 * CharWidth));
    }

    [Fact]
    public void A_word_longer_than_the_tile_is_cut_to_fit()
    {
        var lines = TileCaption.OfSource("a-very-long-source-file-name-that-does-not-fit.png", Width, 20 * CharWidth);

        Assert.Equal(["a-very-long-sourc...", "source"], lines);
    }

    [Fact]
    public void A_variant_where_nothing_fired_says_so()
    {
        var lines = TileCaption.OfVariant("cell.png", 1, new ItemRecord("seed", [Flip with { Applied = false, Params = null }], 0), Width, 200);

        Assert.Equal(["cell.png variant 1", "no op applied"], lines);
    }

    private static int Width(string text) => text.Length * CharWidth;
}
