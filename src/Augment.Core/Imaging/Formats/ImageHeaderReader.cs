namespace Augment.Core.Imaging.Formats;

/// <summary>
/// Identifies an encoded image by its signature and reads the size it declares. OpenCV's public API
/// has no header-only read, and the pixel limit must be enforced before decoding.
/// Problems are reported as <see cref="InvalidDataException"/> with a reason for the user.
/// </summary>
internal static class ImageHeaderReader
{
    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new InvalidDataException("the file is empty");
        }

        if (PngStructure.HasSignature(data))
        {
            return PngStructure.ReadHeader(data);
        }

        if (JpegStructure.HasSignature(data))
        {
            return JpegStructure.ReadHeader(data);
        }

        if (TiffStructure.HasSignature(data))
        {
            return TiffStructure.ReadHeader(data);
        }

        if (WebpStructure.HasSignature(data))
        {
            return WebpStructure.ReadHeader(data);
        }

        if (BmpStructure.HasSignature(data))
        {
            return BmpStructure.ReadHeader(data);
        }

        throw new InvalidDataException(
            $"not a PNG, JPEG, TIFF, WebP or BMP image (it starts with {Describe(data)})");
    }

    internal static InvalidDataException Truncated(string format, string where) =>
        new($"truncated {format}: the data ends inside {where}");

    private static string Describe(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(8, data.Length)];
        var printable = head.ToArray().All(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t');
        return printable
            ? $"the text \"{System.Text.Encoding.ASCII.GetString(head).ReplaceLineEndings(" ")}\""
            : $"the bytes {Convert.ToHexString(head)}";
    }
}
