using Augment.Core.Imaging;
using Augment.Core.Interop;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// The shim reads and writes JPEG through libjpeg directly, in BGR order (jpeg.cpp), instead of
/// through OpenCV's codec and its per-row RGB swaps. It must give exactly what OpenCV gives: the same
/// pixels decoded and the same bytes encoded, or fall back to OpenCV where it cannot.
/// </summary>
public sealed class DirectJpegTests
{
    private const int ImwriteJpegQuality = 1;
    private const int ImwriteJpegProgressive = 2;
    private const int ImwriteJpegRestartInterval = 4;

    public static TheoryData<string, int> ColourAndGray => new()
    {
        { "astronaut.png", 3 }, { "coffee.png", 3 }, { "rocket.jpg", 3 }, { "chelsea.png", 3 }, { "coins.png", 1 }, { "cell.png", 1 },
    };

    [Theory]
    [MemberData(nameof(ColourAndGray))]
    public void Encodes_the_bytes_opencv_writes_at_every_quality(string sample, int channels)
    {
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        Assert.Equal(channels, image.Channels);
        foreach (var quality in new[] { 1, 37, 75, 90, 95, 100 })
        {
            int[] parameters = [ImwriteJpegQuality, quality];
            var direct = image.Native.Encode(".jpg", parameters, null);
            var reference = image.Native.Encode(".jpg", parameters, null, CodecPath.OpenCvOnly);
            Assert.True(direct.AsSpan().SequenceEqual(reference), $"{sample} at quality {quality}: {direct.Length} bytes against OpenCV's {reference.Length}");
        }
    }

    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(37, 53, 3)]
    [InlineData(17, 9, 1)]
    [InlineData(250, 3, 3)]
    public void Encodes_odd_sizes_as_opencv_does(int width, int height, int channels)
    {
        using var image = SyntheticImages.Random(width, height, 8, channels, seed: width * height);
        var direct = image.Native.Encode(".jpg", [], null);
        var reference = image.Native.Encode(".jpg", [], null, CodecPath.OpenCvOnly);
        Assert.Equal(reference, direct);
    }

    [Theory]
    [MemberData(nameof(ColourAndGray))]
    public void Decodes_the_pixels_opencv_reads(string sample, int channels)
    {
        using var image = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        // Baseline at two qualities, progressive and with restart markers (the last two written by
        // OpenCV's own encoder, which the direct path leaves those options to).
        byte[][] files =
        [
            image.Native.Encode(".jpg", [ImwriteJpegQuality, 95], null),
            image.Native.Encode(".jpg", [ImwriteJpegQuality, 40], null),
            image.Native.Encode(".jpg", [ImwriteJpegProgressive, 1], null),
            image.Native.Encode(".jpg", [ImwriteJpegRestartInterval, 3], null),
        ];
        foreach (var file in files)
        {
            using var direct = NativeImage.Decode(file, sample);
            using var reference = NativeImage.Decode(file, sample, CodecPath.OpenCvOnly);
            Assert.Equal(channels, direct.Channels);
            AssertSamePixels(reference, direct);
        }
    }

    [Fact]
    public void A_jpeg_photograph_decodes_as_opencv_decodes_it()
    {
        var file = SampleImages.Read("rocket.jpg");
        using var direct = NativeImage.Decode(file, "rocket.jpg");
        using var reference = NativeImage.Decode(file, "rocket.jpg", CodecPath.OpenCvOnly);
        AssertSamePixels(reference, direct);
    }

    [Fact]
    public void A_truncated_jpeg_decodes_as_opencv_decodes_it()
    {
        // libjpeg warns about the missing data; the direct path then leaves the file to OpenCV, which
        // decodes what is there (the rest grey).
        var whole = SampleImages.Read("rocket.jpg");
        var cut = whole[..(whole.Length / 2)];
        using var direct = NativeImage.Decode(cut, "cut.jpg");
        using var reference = NativeImage.Decode(cut, "cut.jpg", CodecPath.OpenCvOnly);
        AssertSamePixels(reference, direct);
    }

    private static void AssertSamePixels(NativeImage expected, NativeImage actual)
    {
        Assert.Equal((expected.Width, expected.Height, expected.Channels, expected.DepthBits), (actual.Width, actual.Height, actual.Channels, actual.DepthBits));
        for (var y = 0; y < expected.Height; y++)
        {
            Assert.True(expected.Row(y).SequenceEqual(actual.Row(y)), $"row {y} differs");
        }
    }
}
