using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging.Formats;

/// <summary>The JPEG walker requires the marker structure to reach EOI, and ignores what follows it.</summary>
public sealed class JpegStructureTests
{
    [Fact]
    public void Data_after_eoi_is_ignored()
    {
        var jpeg = SampleImages.Read("rocket.jpg");
        byte[] withTrailer = [.. jpeg, .. "camera maker's trailer"u8, 0xFF, 0xD8, 0xFF];

        Assert.Equal(new ImageHeader(ImageFormat.Jpeg, 640, 427), JpegStructure.ReadHeader(withTrailer));
        using var decoded = ImageCodec.Decode(withTrailer, "rocket-with-trailer.jpg");
        using var original = ImageCodec.Decode(jpeg, "rocket.jpg");
        Assert.Equal(original.ToPackedArray(), decoded.ToPackedArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Missing_eoi_is_rejected(int cut)
    {
        var jpeg = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Jpeg), 37, 23);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);

        var error = Assert.Throws<InvalidDataException>(() => JpegStructure.ReadHeader(jpeg.AsSpan(0, jpeg.Length - cut)));

        Assert.Contains("no EOI marker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gray_jpeg_frame_size_is_read()
    {
        var jpeg = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Jpeg), 1, 300, channels: 1);

        Assert.Equal(new ImageHeader(ImageFormat.Jpeg, 1, 300), JpegStructure.ReadHeader(jpeg));
    }
}
