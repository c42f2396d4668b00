using Augment.Core.Config;
using Augment.Core.Dataset;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.OpenCv;
using Augment.Core.Pipeline;

namespace Augment.Core.Preview;

/// <summary>
/// A contact sheet: one row per chosen source, the source first and then its variants, masks drawn
/// over each in colour and boxes outlined with their class, a caption under each tile (the source, the
/// variant, the ops that fired with their main parameters); what a user looks at before building
/// thousands of files. Renders in memory, writes only the sheet.
/// </summary>
public static class ContactSheet
{
    public const int Tile = 192;
    private const int Gap = 4;
    private const double MaskAlpha = 0.45;

    /// <summary>The caption band under each tile (<see cref="TileCaption"/>): its lines of text.</summary>
    public const int LineHeight = 11;
    public const int CaptionHeight = (TileCaption.MaxLines * LineHeight) + 2;

    public static (int Width, int Height) Size(int rows, int variants) =>
        (Gap + ((variants + 1) * (Tile + Gap)), Gap + (rows * (Tile + CaptionHeight + Gap)));

    /// <summary>Renders the sheet for the first <paramref name="sources"/> sources and variants 0 to <paramref name="variants"/> - 1.</summary>
    public static byte[] Render(string configPath, int sources, int variants)
    {
        var config = AugmentConfigLoader.Load(configPath);
        var chosen = InputScanner.Scan(config).Take(sources).ToList();
        var coco = CocoSource.For(config);
        var names = CategoryNames(coco);
        var (width, height) = Size(chosen.Count, variants);
        using var sheet = ImageBuffer.Create(width, height, 8, 3);
        for (var row = 0; row < chosen.Count; row++)
        {
            var source = chosen[row];
            using var image = ImageCodec.DecodeFile(Path.Combine(config.Directory, source.Image), config.Limits);
            var masks = source.Masks.Select(m => ImageCodec.DecodeFile(Path.Combine(config.Directory, m), config.Limits)).ToList();
            try
            {
                var labels = coco is not null ? SourceLabels.FromCoco(config, coco, coco.EntryOf(source), image.Width, image.Height)
                    : source.Labels is { } file ? SourceLabels.ReadUnhashed(config, file, image.Width, image.Height)
                    : null;
                var y = Gap + (row * (Tile + CaptionHeight + Gap));
                Place(sheet, image, masks, Named(labels?.Boxes ?? [], names), Gap, y);
                Caption(sheet, TileCaption.OfSource(source.Image, NativeImage.TextWidth, Tile), Gap, y);
                for (var variant = 0; variant < variants; variant++)
                {
                    var (record, result) = ItemRenderer.Render(config, source.Image, variant, image, masks, labels);
                    using (result)
                    {
                        var x = Gap + ((variant + 1) * (Tile + Gap));
                        Place(sheet, result.Image, result.Masks, Named(result.Labels?.Kept ?? [], names), x, y);
                        Caption(sheet, TileCaption.OfVariant(source.Image, variant, record, NativeImage.TextWidth, Tile), x, y);
                    }
                }
            }
            finally
            {
                masks.ForEach(m => m.Dispose());
            }
        }

        return ImageCodec.Encode(sheet, new EncodeSettings(ImageFormat.Png));
    }

    // COCO's category names by id, for the boxes' tags (other formats' classes are their own names).
    private static Dictionary<string, string> CategoryNames(CocoSource? coco) =>
        (coco?.Index.Root["categories"] as Newtonsoft.Json.Linq.JArray ?? [])
            .OfType<Newtonsoft.Json.Linq.JObject>()
            .Where(c => c["id"] is not null && c["name"] is not null)
            .ToDictionary(c => c["id"]!.ToString(), c => c["name"]!.ToString(), StringComparer.Ordinal);

    private static IReadOnlyList<(LabeledBox Box, string Tag)> Named(IReadOnlyList<LabeledBox> boxes, Dictionary<string, string> names) =>
        boxes.Select(b => (b, names.GetValueOrDefault(b.Class, b.Class))).ToList();

    // The caption's lines under the tile at (x, y).
    private static void Caption(ImageBuffer sheet, IReadOnlyList<string> lines, int x, int y)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            sheet.Native.DrawText(lines[i], x, y + Tile + ((i + 1) * LineHeight) - 1);
        }
    }

    // Fits the image (with its masks drawn over, its boxes outlined) into a tile, keeping its aspect ratio.
    private static void Place(ImageBuffer sheet, ImageBuffer image, IReadOnlyList<ImageBuffer> masks, IReadOnlyList<(LabeledBox Box, string Tag)> boxes, int x, int y)
    {
        using var colour = image.Convert(3, 8);
        foreach (var mask in masks)
        {
            colour.Native.OverlayLabels(mask.Native, MaskAlpha);
        }

        var scale = Math.Min((double)Tile / colour.Width, (double)Tile / colour.Height);
        var w = Math.Max(1, (int)Math.Round(colour.Width * scale));
        var h = Math.Max(1, (int)Math.Round(colour.Height * scale));
        using var tile = new ImageBuffer(colour.Native.Resize(w, h, (int)Geometry.Interpolation.Area));
        foreach (var (box, tag) in boxes)
        {
            var id = int.TryParse(box.Class, out var n) ? n : box.Class.Aggregate(0, (h, c) => ((h * 31) + c) & 0xFFFF);
            tile.Native.DrawBox(box.Box.XMin, box.Box.YMin, box.Box.XMax, box.Box.YMax, scale, id, tag);
            foreach (var (point, k) in (box.Keypoints ?? []).Select((p, k) => (p, k)).Where(p => p.p.IsLabelled))
            {
                tile.Native.DrawPoint(point.X, point.Y, scale, k);
            }
        }

        sheet.Native.Paste(tile.Native, x + ((Tile - w) / 2), y + ((Tile - h) / 2));
    }
}
