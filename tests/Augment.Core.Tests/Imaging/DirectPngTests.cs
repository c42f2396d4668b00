using System.Buffers.Binary;
using Augment.Core.Imaging;
using Augment.Core.Interop;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// The shim writes PNG through zlib directly (png.cpp), choosing each row's filter as libpng does but
/// many bytes at a time. It must write exactly the file OpenCV's encoder writes through libpng, for
/// every image and parameter set it covers, and leave everything else to OpenCV.
/// </summary>
public sealed class DirectPngTests
{
    // OpenCV's cv::ImwriteFlags and zlib's strategies.
    private const int ImwritePngCompression = 16;
    private const int ImwritePngStrategy = 17;
    private const int ImwritePngBilevel = 18;
    private const int StrategyFiltered = 1;
    private const int StrategyHuffmanOnly = 2;
    private const int StrategyRle = 3;
    private const int StrategyFixed = 4;

    /// <summary>Every level, OpenCV's speed-tuned default (no level), and strategies with and without a level.</summary>
    private static readonly int[][] ParameterSets =
    [
        .. Enumerable.Range(0, 10).Select(level => new[] { ImwritePngCompression, level }),
        [],
        [ImwritePngStrategy, StrategyRle],
        [ImwritePngCompression, 1, ImwritePngStrategy, StrategyFiltered],
        [ImwritePngStrategy, StrategyHuffmanOnly, ImwritePngCompression, 6],
        [ImwritePngCompression, 3, ImwritePngStrategy, StrategyFixed],
    ];

    public static TheoryData<int, int> DepthsAndChannels => new() { { 8, 1 }, { 8, 3 }, { 8, 4 }, { 16, 1 }, { 16, 3 }, { 16, 4 } };

    public static TheoryData<string> Samples => new() { "astronaut.png", "coffee.png", "coins.png", "cell.png", "cell_mask.png", "horse.png" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_the_bytes_opencv_writes_for_every_setting(string sample)
    {
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        AssertSameFiles(image, sample);
    }

    [Theory]
    [MemberData(nameof(DepthsAndChannels))]
    public void Writes_the_bytes_opencv_writes_for_every_depth_and_channel_count(int depthBits, int channels)
    {
        // Bands where each of the five filters wins some rows, and pure noise.
        using var banded = Banded(131, 129, depthBits, channels, seed: depthBits * channels);
        AssertSameFiles(banded, $"banded {banded}");
        using var noise = SyntheticImages.Random(150, 130, depthBits, channels, seed: channels);
        AssertSameFiles(noise, $"noise {noise}");
    }

    [Theory]
    [InlineData(20_000, 1, 1)]
    [InlineData(1, 20_000, 1)]
    [InlineData(6_000, 1, 3)]
    [InlineData(1, 6_000, 4)]
    [InlineData(16_384, 1, 1)]
    public void Writes_one_row_and_one_column_images_as_opencv_does(int width, int height, int channels)
    {
        // libpng leaves out the filters that need a row above (one row) or a pixel to the left (one column).
        using var image = Banded(width, height, 8, channels, seed: width + height);
        AssertSameFiles(image, image.ToString());
    }

    [Fact]
    public void The_chosen_filters_vary_from_row_to_row()
    {
        // Otherwise the comparisons above would not test the choice: the test images must make libpng
        // (through OpenCV) pick each of the five filters somewhere.
        using var image = Banded(131, 129, 8, 3, seed: 3);
        var file = image.Native.Encode(".png", [ImwritePngCompression, 3], null, CodecPath.OpenCvOnly);
        var filters = FilterTypes(file, rowBytes: 131 * 3, rows: 129);
        Assert.True(filters.Distinct().Count() == 5, $"filters used: {string.Join(",", filters.Distinct())}");
    }

    [Theory]
    [InlineData(64, 64, 1)]
    [InlineData(73, 74, 3)]
    [InlineData(16_383, 1, 1)]
    public void Leaves_images_of_16_KiB_or_less_to_opencv(int width, int height, int channels)
    {
        // libpng shrinks the zlib window for these; the direct path does not reproduce that.
        using var image = Banded(width, height, 8, channels, seed: 1);
        AssertLeftToOpenCv(image, [ImwritePngCompression, 3]);
    }

    [Fact]
    public void Leaves_other_parameters_to_opencv()
    {
        using var image = Banded(200, 100, 8, 1, seed: 2);
        AssertLeftToOpenCv(image, [ImwritePngBilevel, 1]);
    }

    private static void AssertLeftToOpenCv(ImageBuffer image, int[] parameters)
    {
        Assert.Throws<AugmentNativeException>(() => image.Native.Encode(".png", parameters, null, CodecPath.DirectOnly));
        Assert.Equal(image.Native.Encode(".png", parameters, null, CodecPath.OpenCvOnly), image.Native.Encode(".png", parameters, null));
    }

    [Fact]
    public void The_files_decode_to_the_image()
    {
        using var image = Banded(300, 200, 16, 4, seed: 5);
        var file = image.Native.Encode(".png", [ImwritePngCompression, 3], null, CodecPath.DirectOnly);
        using var decoded = NativeImage.Decode(file, "direct.png");
        Assert.Equal((image.Width, image.Height, image.Channels, image.DepthBits), (decoded.Width, decoded.Height, decoded.Channels, decoded.DepthBits));
        for (var y = 0; y < image.Height; y++)
        {
            Assert.True(image.Row(y).SequenceEqual(decoded.Row(y)), $"row {y} differs");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_the_pixels_opencv_reads_from_files_of_every_setting(string sample)
    {
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        AssertSamePixelsRead(image, sample);

        // The sample file itself, as another encoder wrote it: through the direct path where it
        // covers the file, through OpenCV where not; the same pixels either way.
        var file = SampleImages.Read(sample);
        using var reference = NativeImage.Decode(file, sample, CodecPath.OpenCvOnly);
        using var read = NativeImage.Decode(file, sample);
        AssertSamePixels(reference, read, sample);
    }

    [Theory]
    [MemberData(nameof(DepthsAndChannels))]
    public void Reads_the_pixels_opencv_reads_at_every_depth_and_channel_count(int depthBits, int channels)
    {
        using var banded = Banded(131, 129, depthBits, channels, seed: depthBits + channels);
        AssertSamePixelsRead(banded, $"banded {banded}");
        using var noise = SyntheticImages.Random(150, 130, depthBits, channels, seed: channels);
        AssertSamePixelsRead(noise, $"noise {noise}");
    }

    [Theory]
    [InlineData(1, 9000, 1, 8)]
    [InlineData(5, 2000, 1, 8)]
    [InlineData(15, 900, 1, 8)]
    [InlineData(17, 900, 1, 8)]
    [InlineData(9, 1000, 1, 16)]
    [InlineData(7, 1000, 4, 8)]
    [InlineData(33, 400, 3, 8)]
    [InlineData(16_400, 1, 1, 8)]
    public void Reads_narrow_and_single_row_images_as_opencv_does(int width, int height, int channels, int depthBits)
    {
        // Rows shorter than a vector, and vectors that end inside a pixel, carry the running sum of
        // the SUB filter differently.
        using var image = Banded(width, height, depthBits, channels, seed: width);
        AssertSamePixelsRead(image, image.ToString());
    }

    [Fact]
    public void Leaves_damaged_files_and_transparency_to_opencv()
    {
        using var image = Banded(200, 100, 8, 1, seed: 4);
        var file = image.Native.Encode(".png", [ImwritePngCompression, 3], null);
        var crcOfFirstIdat = 8 + 25 + 8 + BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(33, 4));
        var badCrc = (byte[])file.Clone();
        badCrc[crcOfFirstIdat] ^= 0x01;
        var truncated = file[..(file.Length / 2)];
        var transparency = PngChunks.WithChunkBeforeImageData(file, "tRNS", [0, 7]);
        var text = PngChunks.WithChunkBeforeImageData(file, "tEXt", "Comment\0direct"u8);
        var badName = PngChunks.WithChunkBeforeImageData(file, "t3Xt", "Comment\0direct"u8);

        foreach (var (name, damaged) in new[] { ("bad CRC", badCrc), ("truncated", truncated), ("tRNS", transparency), ("t3Xt", badName) })
        {
            Assert.Throws<AugmentNativeException>(() => NativeImage.Decode(damaged, name, CodecPath.DirectOnly));
            AssertSameOutcome(damaged, name);
        }

        // An ancillary chunk that does not change the pixels is read past.
        using var withText = NativeImage.Decode(text, "tEXt", CodecPath.DirectOnly);
        using var original = NativeImage.Decode(file, "original", CodecPath.OpenCvOnly);
        AssertSamePixels(original, withText, "tEXt");
    }

    private static void AssertSameOutcome(byte[] file, string name)
    {
        NativeImage? reference = null, read = null;
        try
        {
            var referenceError = Record.Exception(() => reference = NativeImage.Decode(file, name, CodecPath.OpenCvOnly));
            var readError = Record.Exception(() => read = NativeImage.Decode(file, name));
            Assert.Equal(referenceError is null, readError is null);
            if (reference is not null && read is not null)
            {
                AssertSamePixels(reference, read, name);
            }
        }
        finally
        {
            reference?.Dispose();
            read?.Dispose();
        }
    }

    private static void AssertSamePixelsRead(ImageBuffer image, string what)
    {
        foreach (var parameters in ParameterSets)
        {
            var file = image.Native.Encode(".png", parameters, null, CodecPath.OpenCvOnly);
            using var reference = NativeImage.Decode(file, what, CodecPath.OpenCvOnly);
            using var read = NativeImage.Decode(file, what, CodecPath.DirectOnly);
            AssertSamePixels(reference, read, $"{what} written with [{string.Join(", ", parameters)}]");
        }
    }

    private static void AssertSamePixels(NativeImage expected, NativeImage actual, string what)
    {
        Assert.Equal((expected.Width, expected.Height, expected.Channels, expected.DepthBits), (actual.Width, actual.Height, actual.Channels, actual.DepthBits));
        for (var y = 0; y < expected.Height; y++)
        {
            Assert.True(expected.Row(y).SequenceEqual(actual.Row(y)), $"{what}: row {y} differs");
        }
    }

    private static void AssertSameFiles(ImageBuffer image, string what)
    {
        foreach (var parameters in ParameterSets)
        {
            var direct = image.Native.Encode(".png", parameters, null, CodecPath.DirectOnly);
            var reference = image.Native.Encode(".png", parameters, null, CodecPath.OpenCvOnly);
            Assert.True(direct.AsSpan().SequenceEqual(reference), $"{what} with [{string.Join(", ", parameters)}]: {direct.Length} bytes against OpenCV's {reference.Length}");
        }
    }

    /// <summary>
    /// Bands of eight rows, each made for one of libpng's filters to win: ramps with a little noise
    /// (sub or Paeth), copies of the row above (up), each byte the floor of the mean of its left
    /// neighbour and the byte above (average), and plain noise (none, mostly). Built byte by byte,
    /// which holds in the file's RGB, big-endian order too: that order permutes the bytes of every
    /// pixel alike.
    /// </summary>
    private static ImageBuffer Banded(int width, int height, int depthBits, int channels, int seed)
    {
        var image = ImageBuffer.Create(width, height, depthBits, channels);
        var random = new Random(seed);
        var pixelBytes = image.BytesPerPixel;
        var previous = new byte[width * pixelBytes];
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var i = 0; i < row.Length; i++)
            {
                var left = i >= pixelBytes ? row[i - pixelBytes] : 0;
                row[i] = ((y / 8) % 4) switch
                {
                    0 => (byte)((((i / pixelBytes) * (3 + (i % pixelBytes))) + (y * 5) + random.Next(4)) / 2),
                    1 when y > 0 => previous[i],
                    2 when y > 0 => (byte)((left + previous[i]) / 2),
                    _ => (byte)random.Next(256),
                };
            }

            row.CopyTo(previous);
        }

        return image;
    }

    /// <summary>The filter type byte of every row of a PNG's image data.</summary>
    private static byte[] FilterTypes(byte[] file, int rowBytes, int rows)
    {
        using var zlib = new MemoryStream();
        for (var at = 8; at < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at, 4));
            if (file.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                zlib.Write(file, at + 8, length);
            }

            at += 12 + length;
        }

        zlib.Position = 0;
        using var inflater = new System.IO.Compression.ZLibStream(zlib, System.IO.Compression.CompressionMode.Decompress);
        using var data = new MemoryStream();
        inflater.CopyTo(data);
        var bytes = data.ToArray();
        return Enumerable.Range(0, rows).Select(row => bytes[row * (rowBytes + 1)]).ToArray();
    }
}
