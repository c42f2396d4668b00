using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;
using Augment.Core.OpenCv;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// A normal decode prints nothing to the process's stderr, although libpng warns about the sample
/// images' iCCP profiles when it is given them (PRODUCT.md section 10).
/// </summary>
[Collection(StderrCollection.Name)]
public sealed class QuietDecodeTests
{
    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("chelsea.png")]
    [InlineData("rocket.jpg")]
    [InlineData("horse.png")]
    public void Decoding_a_sample_writes_nothing_to_stderr(string sample)
    {
        var path = SampleImages.PathOf(sample);
        var width = 0;
        var stderr = StderrCapture.Run(() =>
        {
            using var image = ImageCodec.DecodeFile(path);
            width = image.Width;
        });

        Assert.True(width > 0);
        Assert.Equal(string.Empty, stderr);
    }

    // PngStructure drops ancillary chunks before decoding (libpng warned about the samples' iCCP
    // profiles through OpenCV 4.6); the copy without them decodes to the same pixels, and OpenCV 4.13's
    // decoder stays quiet on the original too.
    [Fact]
    public void The_stripped_copy_decodes_identically_and_neither_decode_writes_to_stderr()
    {
        var original = SampleImages.Read("astronaut.png");
        byte[]? unstripped = null;
        byte[]? stripped = null;
        var stderr = StderrCapture.Run(() =>
        {
            using (var image = new ImageBuffer(NativeImage.Decode(original, "astronaut.png")))
            {
                unstripped = image.ToPackedArray();
            }

            using var prepared = ImageCodec.Decode(original, "astronaut.png");
            stripped = prepared.ToPackedArray();
        });

        Assert.Equal(string.Empty, stderr);
        Assert.Equal(unstripped, stripped);
        Assert.True(PngStructure.PrepareForDecode(original).Length < original.Length);
    }
}
