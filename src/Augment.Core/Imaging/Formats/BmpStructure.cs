using System.Buffers.Binary;

namespace Augment.Core.Imaging.Formats;

/// <summary>Reads a BMP's size from its DIB header (OS/2 core header or BITMAPINFOHEADER and later).</summary>
internal static class BmpStructure
{
    public static bool HasSignature(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 'B' && data[1] == 'M';

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 26)
        {
            throw ImageHeaderReader.Truncated("BMP", "the file header");
        }

        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        long width, height;
        if (headerSize == 12)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[20..]);
        }
        else
        {
            width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
            height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[22..])); // negative: top-down rows
        }

        if (width is <= 0 or > int.MaxValue || height is <= 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"corrupt BMP: the header declares a size of {width}x{height}");
        }

        return new ImageHeader(ImageFormat.Bmp, (int)width, (int)height);
    }
}
