namespace Augment.Core.Imaging;

/// <summary>
/// How an image is encoded: the format and its settings. Part of every cache key, so every field
/// that changes output bytes belongs here.
/// </summary>
public sealed record EncodeSettings
{
    // OpenCV's cv::ImwriteFlags values (imgcodecs.hpp).
    private const int ImwriteJpegQuality = 1;
    private const int ImwritePngCompression = 16;
    private const int ImwritePngStrategy = 17;
    private const int ImwriteWebpQuality = 64;
    private const int ImwriteTiffCompression = 259;

    public EncodeSettings(ImageFormat format) => Format = format;

    /// <summary>
    /// Masks are always written as PNG with these settings: OpenCV's speed-tuned path (the SUB filter
    /// and zlib level 1) with zlib's run-length strategy, which suits label maps. A 512x512 mask
    /// encodes in a third of the time of level 3 with libpng's adaptive filters, about 15% larger.
    /// Part of every item key, like every setting here.
    /// </summary>
    public static EncodeSettings Mask { get; } = new(ImageFormat.Png) { PngSpeedTuned = true, PngStrategy = PngStrategy.Rle };

    public ImageFormat Format { get; init; }

    /// <summary>zlib level 0-9. 3 is close to 9 in size for photographs and several times faster.</summary>
    public int PngCompression { get; init; } = 3;

    /// <summary>
    /// OpenCV's speed-tuned PNG encoding: when no compression level is given, OpenCV uses libpng's
    /// SUB filter only and zlib level 1 (<see cref="PngCompression"/> is then not used).
    /// </summary>
    public bool PngSpeedTuned { get; init; }

    /// <summary>
    /// No PNG parameter at all: OpenCV's own default path, byte for byte what <c>cv2.imwrite</c>
    /// writes when given none (OpenCV 4.13: the SUB filter, zlib level 1, the run-length strategy).
    /// The other PNG settings are then not used.
    /// </summary>
    public bool PngOpenCvDefaults { get; init; }

    /// <summary>zlib's compression strategy (IMWRITE_PNG_STRATEGY).</summary>
    public PngStrategy PngStrategy { get; init; } = PngStrategy.Default;

    /// <summary>1-100; 95 is OpenCV's (and cv2.imwrite's) default.</summary>
    public int JpegQuality { get; init; } = 95;

    /// <summary>1-100 for lossy WebP; ignored when <see cref="WebpLossless"/> is set.</summary>
    public int WebpQuality { get; init; } = 90;

    public bool WebpLossless { get; init; }

    public TiffCompression TiffCompression { get; init; } = TiffCompression.Lzw;

    /// <summary>Why an image of this shape cannot be written in this format, or null when it can.</summary>
    public string? Unsupported(int depthBits, int channels) => Format switch
    {
        ImageFormat.Jpeg when depthBits != 8 || channels == 4 =>
            "JPEG stores 8-bit gray or colour images only (no 16-bit, no alpha); use png or tiff",
        ImageFormat.WebP when depthBits != 8 || channels == 1 =>
            "WebP stores 8-bit colour images only (no 16-bit, no 1-channel gray); use png or tiff",
        ImageFormat.Bmp when depthBits != 8 || channels == 4 =>
            "BMP stores 8-bit gray or colour images only; use png or tiff",
        _ => null,
    };

    /// <summary>
    /// The nearest shape this format stores: alpha dropped for JPEG and BMP, 16 bits scaled to 8 for
    /// JPEG, WebP and BMP, gray expanded to colour for WebP (as cv2.imwrite would write them).
    /// </summary>
    public (int DepthBits, int Channels) StorableShape(int depthBits, int channels) => Format switch
    {
        ImageFormat.Jpeg or ImageFormat.Bmp => (8, channels == 4 ? 3 : channels),
        ImageFormat.WebP => (8, channels == 1 ? 3 : channels),
        _ => (depthBits, channels),
    };

    /// <summary>The (IMWRITE_* key, value) pairs OpenCV's encoder takes.</summary>
    internal int[] ToOpenCvParameters()
    {
        Validate();
        return Format switch
        {
            // Giving a level is what selects libpng's adaptive filters and that level in OpenCV.
            ImageFormat.Png when PngOpenCvDefaults => [],
            ImageFormat.Png when PngSpeedTuned => [ImwritePngStrategy, (int)PngStrategy],
            ImageFormat.Png => [ImwritePngCompression, PngCompression, ImwritePngStrategy, (int)PngStrategy],
            ImageFormat.Jpeg => [ImwriteJpegQuality, JpegQuality],
            // OpenCV encodes WebP losslessly for a quality above 100.
            ImageFormat.WebP => [ImwriteWebpQuality, WebpLossless ? 101 : WebpQuality],
            ImageFormat.Tiff => [ImwriteTiffCompression, (int)TiffCompression],
            _ => [],
        };
    }

    private void Validate()
    {
        if (PngCompression is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(PngCompression), PngCompression, "PNG compression is 0-9");
        }

        if (JpegQuality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(JpegQuality), JpegQuality, "JPEG quality is 1-100");
        }

        if (WebpQuality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(WebpQuality), WebpQuality, "WebP quality is 1-100");
        }

        if (!Enum.IsDefined(PngStrategy))
        {
            throw new ArgumentOutOfRangeException(nameof(PngStrategy), PngStrategy, "unknown PNG strategy");
        }

        if (!Enum.IsDefined(TiffCompression))
        {
            throw new ArgumentOutOfRangeException(nameof(TiffCompression), TiffCompression, "unknown TIFF compression");
        }
    }
}

/// <summary>zlib's compression strategies, with OpenCV's IMWRITE_PNG_STRATEGY_* values (zlib's Z_*).</summary>
public enum PngStrategy
{
    Default = 0,
    Filtered = 1,
    HuffmanOnly = 2,
    Rle = 3,
    Fixed = 4,
}

/// <summary>TIFF compression schemes, with libtiff's COMPRESSION_* values.</summary>
public enum TiffCompression
{
    None = 1,
    Lzw = 5,
    Deflate = 8,
}
