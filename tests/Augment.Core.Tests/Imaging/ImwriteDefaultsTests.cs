using Augment.Core.Imaging;
using Augment.Core.Tests.TestSupport;
using OpenCvSharp;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// `output.format: { type: png, compression: imwrite }` writes PNG exactly as OpenCV does when given
/// no parameter, the path cv2.imwrite takes: the bytes are OpenCvSharp's own Cv2.ImEncode with none.
/// </summary>
public sealed class ImwriteDefaultsTests
{
    [Theory]
    [InlineData("coins.png")] // 8-bit gray
    [InlineData("astronaut.png")] // 8-bit colour
    [InlineData("cell_mask.png")] // a label mask
    public void The_bytes_are_what_opencv_writes_given_no_parameter(string sample)
    {
        using var image = ImageCodec.Decode(SampleImages.Read(sample), sample);
        var ours = ImageCodec.Encode(image, new EncodeSettings(ImageFormat.Png) { PngOpenCvDefaults = true });

        using var mat = Cv2.ImDecode(SampleImages.Read(sample), ImreadModes.Unchanged);
        Cv2.ImEncode(".png", mat, out var opencv);

        Assert.Equal(opencv, ours);
        Assert.NotEqual(ours, ImageCodec.Encode(image, new EncodeSettings(ImageFormat.Png))); // the default (level 3, adaptive filters) differs
    }
}
