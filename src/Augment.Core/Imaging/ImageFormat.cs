namespace Augment.Core.Imaging;

/// <summary>The encoded formats Augment.Build reads and writes, all through OpenCV's imgcodecs.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Tiff,
    Bmp,
    WebP,
}

public static class ImageFormats
{
    /// <summary>The extension OpenCV's encoder is selected by.</summary>
    public static string EncoderExtension(this ImageFormat format) => format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Tiff => ".tiff",
        ImageFormat.Bmp => ".bmp",
        ImageFormat.WebP => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The name users know the format by: PNG, JPEG, TIFF, BMP, WebP.</summary>
    public static string DisplayName(this ImageFormat format) => format switch
    {
        ImageFormat.WebP => "WebP",
        _ => format.ToString().ToUpperInvariant(),
    };

    /// <summary>The format a file name's extension names, or null for an extension of no image format.</summary>
    public static ImageFormat? FromExtension(string pathOrExtension) =>
        Path.GetExtension(pathOrExtension).ToLowerInvariant() switch
        {
            ".png" => ImageFormat.Png,
            ".jpg" or ".jpeg" => ImageFormat.Jpeg,
            ".tif" or ".tiff" => ImageFormat.Tiff,
            ".bmp" => ImageFormat.Bmp,
            ".webp" => ImageFormat.WebP,
            _ => null,
        };
}
