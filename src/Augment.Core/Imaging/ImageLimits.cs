namespace Augment.Core.Imaging;

/// <summary>
/// Guards applied before any pixel is decoded. <see cref="MaxPixels"/> is the decompression-bomb
/// guard (config: <c>limits.max_pixels</c>): a header that declares more pixels is refused. The
/// default, 100 megapixels, is between Pillow's warning (89 MP) and its error (179 MP) thresholds.
/// </summary>
public sealed record ImageLimits(long MaxPixels)
{
    public static ImageLimits Default { get; } = new(100_000_000);
}
