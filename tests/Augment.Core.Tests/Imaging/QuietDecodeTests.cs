using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;
using Augment.Core.Interop;
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

    // Shows that the capture sees libpng's own output, and why PngStructure drops ancillary chunks:
    // OpenCV's decoder, which the shim falls back to for any PNG its direct path does not read, warns.
    [Fact]
    public void Libpng_warns_on_stderr_when_given_the_iccp_chunk_and_the_stripped_copy_decodes_identically()
    {
        var original = SampleImages.Read("astronaut.png");
        byte[]? unstripped = null;
        var stderr = StderrCapture.Run(() =>
        {
            using var image = new ImageBuffer(NativeImage.Decode(original, "astronaut.png", CodecPath.OpenCvOnly));
            unstripped = image.ToPackedArray();
        });
        using var stripped = ImageCodec.Decode(original, "astronaut.png");

        Assert.Contains("iCCP", stderr, StringComparison.Ordinal);
        Assert.Equal(unstripped, stripped.ToPackedArray());
        Assert.True(PngStructure.PrepareForDecode(original).Length < original.Length);
    }
}
