using System.Text;
using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging.Formats;

/// <summary>The header readers report the size an encoder wrote, for every format and variant.</summary>
public sealed class ImageHeaderReaderTests
{
    private const int Width = 37;
    private const int Height = 23;

    [Theory]
    [InlineData(ImageFormat.Png, 1)]
    [InlineData(ImageFormat.Png, 4)]
    [InlineData(ImageFormat.Jpeg, 1)]
    [InlineData(ImageFormat.Jpeg, 3)]
    [InlineData(ImageFormat.Tiff, 3)]
    [InlineData(ImageFormat.Bmp, 1)]
    [InlineData(ImageFormat.Bmp, 3)]
    public void Header_of_an_encoded_image_declares_its_size(ImageFormat format, int channels)
    {
        var encoded = SyntheticImages.Encoded(new EncodeSettings(format), Width, Height, channels);

        Assert.Equal(new ImageHeader(format, Width, Height), ImageHeaderReader.Read(encoded));
    }

    // Lossy WebP is a bare VP8 frame; with alpha it is wrapped in VP8X; lossless is VP8L.
    [Theory]
    [InlineData(false, 3, "VP8 ")]
    [InlineData(false, 4, "VP8X")]
    [InlineData(true, 3, "VP8L")]
    [InlineData(true, 4, "VP8L")]
    public void Webp_header_declares_its_size_in_every_variant(bool lossless, int channels, string firstChunk)
    {
        var settings = new EncodeSettings(ImageFormat.WebP) { WebpLossless = lossless };
        var encoded = SyntheticImages.Encoded(settings, Width, Height, channels);

        Assert.Equal(firstChunk, Encoding.ASCII.GetString(encoded, 12, 4));
        Assert.Equal(new ImageHeader(ImageFormat.WebP, Width, Height), ImageHeaderReader.Read(encoded));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tiff_header_is_read_in_either_byte_order(bool bigEndian)
    {
        var pixels = new byte[Width * Height];
        new Random(7).NextBytes(pixels);
        var tiff = MinimalTiff.Gray8(Width, Height, pixels, bigEndian);
        Assert.Equal(bigEndian ? "MM" : "II", Encoding.ASCII.GetString(tiff, 0, 2));

        Assert.Equal(new ImageHeader(ImageFormat.Tiff, Width, Height), ImageHeaderReader.Read(tiff));
        // libtiff agrees that the hand-written file is what it claims to be.
        using var decoded = ImageCodec.Decode(tiff, "hand-written.tiff");
        Assert.Equal((Width, Height, 1), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(pixels, decoded.ToPackedArray());
    }

    [Fact]
    public void Sixteen_bit_tiff_header_declares_its_size()
    {
        var encoded = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Tiff), Width, Height, 4, depthBits: 16);

        Assert.Equal(new ImageHeader(ImageFormat.Tiff, Width, Height), ImageHeaderReader.Read(encoded));
    }
}
