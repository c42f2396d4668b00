using Augment.Core.Imaging;

namespace Augment.Core.Config;

/// <summary>
/// How outputs are encoded: <c>same</c> keeps each source's format, or one named format for all;
/// with the format's settings. <see cref="Canonical"/> is part of every cache key.
/// </summary>
/// <param name="PngImwrite"><c>compression: imwrite</c>: PNG as <c>cv2.imwrite</c> writes it given no parameters.</param>
public sealed record OutputFormat(string Type, int? Quality, bool Lossless, int? PngCompression, TiffCompression? TiffCompression, bool PngImwrite = false)
{
    public static readonly IReadOnlyList<string> Types = ["same", "png", "jpeg", "webp", "tiff", "bmp"];

    public static OutputFormat Same { get; } = new("same", null, false, null, null);

    /// <summary>The settings an output of a source in <paramref name="sourceFormat"/> is written with.</summary>
    public EncodeSettings SettingsFor(ImageFormat sourceFormat)
    {
        var format = Type switch
        {
            "same" => sourceFormat,
            "png" => ImageFormat.Png,
            "jpeg" => ImageFormat.Jpeg,
            "webp" => ImageFormat.WebP,
            "tiff" => ImageFormat.Tiff,
            _ => ImageFormat.Bmp,
        };
        var settings = new EncodeSettings(format) { WebpLossless = Lossless };
        if (Quality is { } quality)
        {
            settings = settings with { JpegQuality = quality, WebpQuality = quality };
        }

        if (PngCompression is { } level)
        {
            settings = settings with { PngCompression = level };
        }

        if (PngImwrite)
        {
            settings = settings with { PngOpenCvDefaults = true };
        }

        if (TiffCompression is { } tiff)
        {
            settings = settings with { TiffCompression = tiff };
        }

        return settings;
    }

    /// <summary>Every setting, resolved, in a fixed order: what the cache key hashes.</summary>
    public string Canonical => $"type={Type};quality={Quality?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"};lossless={Lossless};png={(PngImwrite ? "imwrite" : PngCompression?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default")};tiff={TiffCompression?.ToString() ?? "default"}";
}
