using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Cli;

/// <summary>`preview`, `ops` and `init` through the real tool.</summary>
public sealed class PreviewOpsInitTests : IDisposable
{
    private const int Tile = 192;
    private const int Gap = 4;
    private const int Caption = 68; // six lines of text under each tile

    private readonly TempFolder _temp = new();

    [Fact]
    public void Preview_writes_a_sheet_of_one_row_per_source_and_a_column_per_variant_with_masks_in_colour()
    {
        var sheet = _temp.Combine("sheet.png");
        var config = Path.Combine(RepoPaths.Root, "sample-dataset", "augment.yaml");

        var result = ProcessRunner.RunTool(["preview", config, "--sources", "2", "--variants", "3", "--out", sheet]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var image = ImageCodec.DecodeFile(sheet);
        // Two sources (cell, coins), each beside 3 variants: 4 tiles across, 2 down, a caption under each.
        Assert.Equal((Gap + (4 * (Tile + Gap)), Gap + (2 * (Tile + Caption + Gap))), (image.Width, image.Height));
        Assert.Equal(3, image.Channels);
        for (var column = 0; column < 4; column++)
        {
            var x = Gap + (column * (Tile + Gap));
            // The sources are gray micrographs: any coloured pixel is a mask drawn over them, in every tile.
            Assert.True(ColouredPixels(image, x, Gap + (Tile + Caption + Gap)) > 100, $"no mask colour in tile {column} of the coins row");
            // Every caption has text: at least its first two lines (the source, then "source" or the first op).
            for (var row = 0; row < 2; row++)
            {
                var top = Gap + (row * (Tile + Caption + Gap)) + Tile;
                Assert.True(TextPixels(image, x, top, 11) > 20, $"no first caption line under tile {column} of row {row}");
                Assert.True(TextPixels(image, x, top + 11, 11) > 10, $"no second caption line under tile {column} of row {row}");
            }
        }

        // Each caption says something of its own: no two caption bands of a row are the same pixels.
        for (var row = 0; row < 2; row++)
        {
            var bands = Enumerable.Range(0, 4).Select(column => Band(image, Gap + (column * (Tile + Gap)), Gap + (row * (Tile + Caption + Gap)) + Tile)).ToList();
            Assert.Equal(4, bands.Distinct(StringComparer.Ordinal).Count());
        }
    }

    // A caption band's pixels, as text to compare.
    private static string Band(ImageBuffer image, int x0, int y0) =>
        string.Concat(Enumerable.Range(y0, Caption).Select(y => Convert.ToHexString(image.Row(y).Slice(3 * x0, 3 * Tile))));

    [Fact]
    public void Ops_lists_every_op_with_its_parameters()
    {
        var result = ProcessRunner.RunTool(["ops"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(OpCatalog.Default.Names, name => Assert.Contains($"\n{name} (", "\n" + result.StandardOutput, StringComparison.Ordinal));
        Assert.Contains("limit ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("default [-90.0,90.0]", result.StandardOutput, StringComparison.Ordinal);
        // And what of Albumentations is not here: the planned ops, and the ones left out with the reason.
        if (Augment.Core.Albumentations.AlbumentationsCatalogue.Planned is [var planned, ..])
        {
            Assert.Matches($@"\nAlbumentations 2\.x transforms planned here: .*\b{planned}\b", result.StandardOutput);
        }

        Assert.Contains("\n  Lambda: it runs arbitrary Python code", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Normalize, ToTensorV2, ToFloat, FromFloat: a training-time transform", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_a_starter_config_that_plans_and_refuses_to_overwrite_it()
    {
        var config = _temp.Combine("augment.yaml");

        var first = ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, "init"], _temp.Path);
        var plan = ProcessRunner.RunTool(["plan", config, "--json"]);
        var again = ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, "init"], _temp.Path);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("\"items\":[]", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    // Light gray caption text pixels in the band of `height` rows at (x0, y0), one tile wide.
    private static int TextPixels(ImageBuffer image, int x0, int y0, int height)
    {
        var count = 0;
        for (var y = y0; y < y0 + height; y++)
        {
            var row = image.Row(y);
            for (var x = x0; x < x0 + Tile; x++)
            {
                count += row[3 * x] > 200 && row[(3 * x) + 1] > 200 && row[(3 * x) + 2] > 200 ? 1 : 0;
            }
        }

        return count;
    }

    private static int ColouredPixels(ImageBuffer image, int x0, int y0)
    {
        var count = 0;
        for (var y = y0; y < y0 + Tile; y++)
        {
            var row = image.Row(y);
            for (var x = x0; x < x0 + Tile; x++)
            {
                var (b, g, r) = (row[3 * x], row[(3 * x) + 1], row[(3 * x) + 2]);
                count += Math.Max(Math.Abs(b - g), Math.Max(Math.Abs(g - r), Math.Abs(b - r))) > 30 ? 1 : 0;
            }
        }

        return count;
    }
}
