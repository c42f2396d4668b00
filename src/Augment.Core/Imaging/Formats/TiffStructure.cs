using System.Buffers.Binary;

namespace Augment.Core.Imaging.Formats;

/// <summary>Reads the first image's size from a TIFF's first IFD (classic and BigTIFF).</summary>
internal static class TiffStructure
{
    private const ushort ImageWidthTag = 256;
    private const ushort ImageLengthTag = 257;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= 4 &&
        ((data[0] == 'I' && data[1] == 'I' && data[3] == 0 && data[2] is 42 or 43) ||
         (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] is 42 or 43));

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        var little = data[0] == 'I';
        var big = (little ? data[2] : data[3]) == 43;
        var reader = new Reader(data, little);
        var ifd = big ? reader.U64(8) : reader.U32(4);
        var count = big ? reader.U64(ifd) : reader.U16(ifd);
        var entrySize = big ? 20 : 12;
        var first = ifd + (big ? 8ul : 2ul);
        ulong? width = null, height = null;
        for (ulong i = 0; i < count; i++)
        {
            var entry = first + (i * (ulong)entrySize);
            var tag = reader.U16(entry);
            // libtiff ignores a repeated tag: the first entry is the size it decodes.
            if ((tag == ImageWidthTag && width is null) || (tag == ImageLengthTag && height is null))
            {
                var type = reader.U16(entry + 2);
                var valueAt = entry + (big ? 12ul : 8ul);
                var value = type switch
                {
                    3 => reader.U16(valueAt),
                    4 => reader.U32(valueAt),
                    // A LONG8 fits in a BigTIFF entry; in a classic one, as libtiff reads it, the
                    // entry holds the offset of its 8 bytes.
                    16 => reader.U64(big ? valueAt : reader.U32(valueAt)),
                    _ => throw new InvalidDataException($"corrupt TIFF: tag {tag} has type {type}"),
                };
                if (tag == ImageWidthTag)
                {
                    width = value;
                }
                else
                {
                    height = value;
                }
            }
        }

        if (width is null or 0 or > int.MaxValue || height is null or 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"corrupt TIFF: the first image declares a size of {width ?? 0}x{height ?? 0}");
        }

        return new ImageHeader(ImageFormat.Tiff, (int)width.Value, (int)height.Value);
    }

    private readonly ref struct Reader(ReadOnlySpan<byte> data, bool littleEndian)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public ulong U16(ulong at) => littleEndian
            ? BinaryPrimitives.ReadUInt16LittleEndian(Take(at, 2))
            : BinaryPrimitives.ReadUInt16BigEndian(Take(at, 2));

        public ulong U32(ulong at) => littleEndian
            ? BinaryPrimitives.ReadUInt32LittleEndian(Take(at, 4))
            : BinaryPrimitives.ReadUInt32BigEndian(Take(at, 4));

        public ulong U64(ulong at) => littleEndian
            ? BinaryPrimitives.ReadUInt64LittleEndian(Take(at, 8))
            : BinaryPrimitives.ReadUInt64BigEndian(Take(at, 8));

        private ReadOnlySpan<byte> Take(ulong at, int count) =>
            at <= (ulong)_data.Length && (ulong)_data.Length - at >= (ulong)count
                ? _data.Slice((int)at, count)
                : throw ImageHeaderReader.Truncated("TIFF", $"the image file directory (byte {at})");
    }
}
