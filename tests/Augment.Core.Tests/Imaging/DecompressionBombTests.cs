using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>A header that declares more pixels than the limit is refused before anything is allocated for it.</summary>
[Collection(StderrCollection.Name)]
public sealed class DecompressionBombTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Png_declaring_100000_by_100000_pixels_is_refused_without_allocating()
    {
        var small = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Png), 16, 16);
        var bomb = PngChunks.WithDeclaredSize(small, 100_000, 100_000);
        Assert.Equal(new ImageHeader(ImageFormat.Png, 100_000, 100_000), ImageHeaderReader.Read(bomb));
        var path = _folder.Write("bomb.png", bomb);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var refusal = QuietRejection.AssertDecodeRefused(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains($"{100_000L * 100_000:N0} pixels", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("limits.max_pixels", refusal.Reason, StringComparison.Ordinal);
        // Refused by the header guard: the native decoder never saw the bytes...
        Assert.IsType<InvalidDataException>(refusal.InnerException);
        // ...and managed memory grew by a file read and a message, not by any part of 30 GB of pixels.
        Assert.InRange(allocated, 0, 1 << 20);
    }

    [Fact]
    public void Configured_pixel_limit_applies_to_any_format()
    {
        var jpeg = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Jpeg), 37, 23);
        var path = _folder.Write("small.jpg", jpeg);

        var refusal = QuietRejection.AssertDecodeRefused(path, new ImageLimits(MaxPixels: 37 * 23 - 1));
        using var atTheLimit = ImageCodec.DecodeFile(path, new ImageLimits(MaxPixels: 37 * 23));

        Assert.Contains("37x23 = 851 pixels", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal((37, 23), (atTheLimit.Width, atTheLimit.Height));
    }

    public void Dispose() => _folder.Dispose();
}
