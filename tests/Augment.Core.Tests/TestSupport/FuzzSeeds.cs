using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;

namespace Augment.Core.Tests.TestSupport;

/// <summary>One small real file to mutate: a crop of a sample image, encoded.</summary>
internal sealed record FuzzSeed(string Name, ImageFormat Format, byte[] Bytes);

/// <summary>
/// The decoder fuzz test's seeds: 48x40 crops of the sample images (a colour photograph, a gray
/// micrograph, and the photograph with the micrograph as its alpha channel), encoded by the project's own encoder in every
/// shape and setting each format stores, plus a few files its encoder does not write (a palette PNG,
/// PNGs with tRNS, a big-endian TIFF) so that libpng's and libtiff's other paths are reached too.
/// Small, so that thousands of decodes take seconds.
/// </summary>
internal static class FuzzSeeds
{
    public const int Width = 48;
    public const int Height = 40;

    private static readonly Lazy<IReadOnlyList<FuzzSeed>> Seeds = new(Make);

    public static IReadOnlyList<FuzzSeed> All => Seeds.Value;

    public static IReadOnlyList<FuzzSeed> Of(ImageFormat format) => All.Where(s => s.Format == format).ToList();

    private static List<FuzzSeed> Make()
    {
        using var colour = Crop("astronaut.png", 180, 100);
        using var gray = Crop("coins.png", 120, 110);
        using var alpha = WithAlpha(colour, gray);
        using var colour16 = colour.Convert(3, 16);
        using var gray16 = gray.Convert(1, 16);
        using var alpha16 = alpha.Convert(4, 16);

        var png = new EncodeSettings(ImageFormat.Png);
        var pngGray = ImageCodec.Encode(gray, png);
        var pngColour = ImageCodec.Encode(colour, png);
        var jpeg = new EncodeSettings(ImageFormat.Jpeg);
        var tiff = new EncodeSettings(ImageFormat.Tiff);
        var webp = new EncodeSettings(ImageFormat.WebP);
        var bmp = new EncodeSettings(ImageFormat.Bmp);
        return
        [
            new("gray 8-bit", ImageFormat.Png, pngGray),
            new("BGR 8-bit", ImageFormat.Png, pngColour),
            new("BGRA 8-bit", ImageFormat.Png, ImageCodec.Encode(alpha, png)),
            new("gray 16-bit", ImageFormat.Png, ImageCodec.Encode(gray16, png)),
            new("BGR 16-bit", ImageFormat.Png, ImageCodec.Encode(colour16, png)),
            new("BGRA 16-bit", ImageFormat.Png, ImageCodec.Encode(alpha16, png)),
            new("BGR 8-bit, stored blocks (level 0)", ImageFormat.Png, ImageCodec.Encode(colour, png with { PngCompression = 0 })),
            new("gray 8-bit, mask settings (SUB, RLE)", ImageFormat.Png, ImageCodec.Encode(gray, EncodeSettings.Mask)),
            new("gray 8-bit with tRNS", ImageFormat.Png, PngChunks.WithChunkBeforeImageData(pngGray, "tRNS", [0x00, 0x80])),
            new("BGR 8-bit with tRNS", ImageFormat.Png, PngChunks.WithChunkBeforeImageData(pngColour, "tRNS", [0, 0x20, 0, 0x40, 0, 0x60])),
            new("BGR 8-bit with tEXt", ImageFormat.Png, PngChunks.WithChunkBeforeImageData(pngColour, "tEXt", "Comment\0fuzz seed"u8)),
            new("palette 8-bit", ImageFormat.Png, PalettePng(colour)),

            new("BGR, quality 95", ImageFormat.Jpeg, ImageCodec.Encode(colour, jpeg)),
            new("gray, quality 95", ImageFormat.Jpeg, ImageCodec.Encode(gray, jpeg)),
            new("BGR, quality 50", ImageFormat.Jpeg, ImageCodec.Encode(colour, jpeg with { JpegQuality = 50 })),

            new("BGR 8-bit, LZW", ImageFormat.Tiff, ImageCodec.Encode(colour, tiff)),
            new("gray 8-bit, uncompressed", ImageFormat.Tiff, ImageCodec.Encode(gray, tiff with { TiffCompression = TiffCompression.None })),
            new("BGRA 8-bit, deflate", ImageFormat.Tiff, ImageCodec.Encode(alpha, tiff with { TiffCompression = TiffCompression.Deflate })),
            new("BGR 16-bit, LZW", ImageFormat.Tiff, ImageCodec.Encode(colour16, tiff)),
            new("gray 8-bit, big-endian by hand", ImageFormat.Tiff, MinimalTiff.Gray8(Width, Height, gray.ToPackedArray(), bigEndian: true)),

            new("BGR lossy (VP8)", ImageFormat.WebP, ImageCodec.Encode(colour, webp)),
            new("BGRA lossy (VP8X, ALPH)", ImageFormat.WebP, ImageCodec.Encode(alpha, webp)),
            new("BGR lossless (VP8L)", ImageFormat.WebP, ImageCodec.Encode(colour, webp with { WebpLossless = true })),
            new("BGRA lossless (VP8L)", ImageFormat.WebP, ImageCodec.Encode(alpha, webp with { WebpLossless = true })),

            new("BGR 24-bit", ImageFormat.Bmp, ImageCodec.Encode(colour, bmp)),
            new("gray 8-bit palette", ImageFormat.Bmp, ImageCodec.Encode(gray, bmp)),
        ];
    }

    private static ImageBuffer Crop(string sample, int left, int top)
    {
        using var source = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        var crop = ImageBuffer.Create(Width, Height, source.DepthBits, source.Channels);
        var bytesPerPixel = source.BytesPerPixel;
        for (var y = 0; y < Height; y++)
        {
            source.Row(top + y).Slice(left * bytesPerPixel, Width * bytesPerPixel).CopyTo(crop.Row(y));
        }

        return crop;
    }

    // The colour crop with the gray crop as its alpha channel: every channel holds real detail
    // (the sample with alpha, horse.png, is an opaque silhouette that compresses to almost nothing).
    private static ImageBuffer WithAlpha(ImageBuffer bgr, ImageBuffer alpha)
    {
        var bgra = bgr.Convert(4, 8);
        for (var y = 0; y < Height; y++)
        {
            var row = bgra.Row(y);
            var source = alpha.Row(y);
            for (var x = 0; x < Width; x++)
            {
                row[(x * 4) + 3] = source[x];
            }
        }

        return bgra;
    }

    // An 8-bit palette PNG (colour type 3), which OpenCV's encoder never writes: the crop's colours
    // reduced to 3-3-2 bits, so that libpng's palette expansion is fuzzed as well.
    private static byte[] PalettePng(ImageBuffer bgr)
    {
        var palette = new byte[256 * 3];
        for (var i = 0; i < 256; i++)
        {
            palette[(i * 3) + 0] = (byte)((i >> 5) * 255 / 7);
            palette[(i * 3) + 1] = (byte)(((i >> 2) & 7) * 255 / 7);
            palette[(i * 3) + 2] = (byte)((i & 3) * 255 / 3);
        }

        using var filtered = new MemoryStream();
        using (var zlib = new ZLibStream(filtered, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + bgr.Width];
            for (var y = 0; y < bgr.Height; y++)
            {
                var pixels = bgr.Row(y);
                for (var x = 0; x < bgr.Width; x++)
                {
                    int b = pixels[x * 3], g = pixels[(x * 3) + 1], r = pixels[(x * 3) + 2];
                    row[1 + x] = (byte)(((r >> 5) << 5) | ((g >> 5) << 2) | (b >> 6));
                }

                zlib.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)bgr.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)bgr.Height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: palette
        return
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
            .. Chunk("IHDR", header), .. Chunk("PLTE", palette), .. Chunk("IDAT", filtered.ToArray()), .. Chunk("IEND", []),
        ];
    }

    private static byte[] Chunk(string type, ReadOnlySpan<byte> body)
    {
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)body.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        body.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32.Compute(chunk.AsSpan(4, 4), body));
        return chunk;
    }
}
