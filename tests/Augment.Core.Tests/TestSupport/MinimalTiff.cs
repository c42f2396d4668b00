using System.Buffers.Binary;

namespace Augment.Core.Tests.TestSupport;

/// <summary>
/// Writes a baseline TIFF by hand (one uncompressed strip of 8-bit gray) in either byte order:
/// OpenCV's encoder writes only the machine's (little-endian) order.
/// </summary>
internal static class MinimalTiff
{
    private const ushort Short = 3;
    private const ushort Long = 4;

    public static byte[] Gray8(int width, int height, ReadOnlySpan<byte> pixels, bool bigEndian)
    {
        // Tags in ascending order, as TIFF requires. Width is a SHORT and height a LONG so that
        // a reader is exercised on both field types.
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, Short, (uint)width), // ImageWidth
            (257, Long, (uint)height), // ImageLength
            (258, Short, 8), // BitsPerSample
            (259, Short, 1), // Compression: none
            (262, Short, 1), // PhotometricInterpretation: BlackIsZero
            (273, Long, 0), // StripOffsets, filled in below
            (277, Short, 1), // SamplesPerPixel
            (278, Long, (uint)height), // RowsPerStrip
            (279, Long, (uint)(width * height)), // StripByteCounts
        ];
        const int ifdOffset = 8;
        var dataOffset = ifdOffset + 2 + (entries.Length * 12) + 4;
        entries[5].Value = (uint)dataOffset;

        var file = new byte[dataOffset + (width * height)];
        var writer = new Writer(file, bigEndian);
        file[0] = file[1] = (byte)(bigEndian ? 'M' : 'I');
        writer.U16(2, 42);
        writer.U32(4, ifdOffset);
        writer.U16(ifdOffset, (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = ifdOffset + 2 + (i * 12);
            writer.U16(at, entries[i].Tag);
            writer.U16(at + 2, entries[i].Type);
            writer.U32(at + 4, 1); // count
            // A value that fits is stored left-justified in the 4-byte field.
            if (entries[i].Type == Short)
            {
                writer.U16(at + 8, (ushort)entries[i].Value);
            }
            else
            {
                writer.U32(at + 8, entries[i].Value);
            }
        }

        pixels.CopyTo(file.AsSpan(dataOffset));
        return file;
    }

    private readonly struct Writer(byte[] file, bool bigEndian)
    {
        public void U16(int at, ushort value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at), value);
            }
        }

        public void U32(int at, uint value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), value);
            }
        }
    }
}
