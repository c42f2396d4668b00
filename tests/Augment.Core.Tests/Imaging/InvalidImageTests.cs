using Augment.Core.Imaging;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// Empty, foreign and truncated files are refused with an <see cref="InvalidImageException"/> naming
/// the file, and nothing reaches stderr (PRODUCT.md section 10).
/// </summary>
[Collection(StderrCollection.Name)]
public sealed class InvalidImageTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Empty_file_is_refused()
    {
        var refusal = QuietRejection.AssertDecodeRefused(_folder.Write("empty.png", []));

        Assert.Contains("empty", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_refused()
    {
        var bytes = new byte[4096];
        new Random(20240611).NextBytes(bytes);

        var refusal = QuietRejection.AssertDecodeRefused(_folder.Write("random.png", bytes));

        Assert.Contains("not a PNG, JPEG, TIFF, WebP or BMP image", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_file_named_png_is_refused()
    {
        var refusal = QuietRejection.AssertDecodeRefused(_folder.Write("notes.png", "just some notes\n"u8));

        Assert.Contains("\"just som\"", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_cut_in_half_is_refused()
    {
        var png = SampleImages.Read("coins.png");

        var refusal = QuietRejection.AssertDecodeRefused(_folder.Write("coins-half.png", png.AsSpan(0, png.Length / 2)));

        Assert.Contains("truncated PNG", refusal.Reason, StringComparison.Ordinal);
    }

    // libpng would print "libpng error: ..." for a damaged chunk; the CRC check refuses it first.
    [Fact]
    public void Png_with_a_damaged_chunk_is_refused()
    {
        var png = SampleImages.Read("coins.png");
        png[png.Length / 2] ^= 0x10;

        var refusal = QuietRejection.AssertDecodeRefused(_folder.Write("coins-damaged.png", png));

        Assert.Contains("CRC mismatch", refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)] // just the EOI marker
    [InlineData(1000)]
    [InlineData(112525 / 2)] // cut in half
    public void Jpeg_missing_its_end_is_refused(int missingBytes)
    {
        var jpeg = SampleImages.Read("rocket.jpg");

        var path = _folder.Write("rocket-cut.jpg", jpeg.AsSpan(0, jpeg.Length - missingBytes));
        var refusal = QuietRejection.AssertDecodeRefused(path);

        Assert.Contains("truncated JPEG", refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImageFormat.Bmp)]
    [InlineData(ImageFormat.Tiff)]
    [InlineData(ImageFormat.WebP)]
    [InlineData(ImageFormat.Png)]
    public void Synthetic_image_cut_in_half_is_refused(ImageFormat format)
    {
        var encoded = SyntheticImages.Encoded(new EncodeSettings(format), 64, 48);

        var path = _folder.Write("cut" + format.EncoderExtension(), encoded.AsSpan(0, encoded.Length / 2));
        var refusal = QuietRejection.AssertDecodeRefused(path);

        Assert.Contains(format == ImageFormat.Png ? "PNG" : format.ToString(), refusal.Reason, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _folder.Dispose();
}
