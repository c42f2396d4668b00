using System.Buffers.Binary;

namespace Augment.Core.Imaging.Formats;

/// <summary>
/// Walks a JPEG's marker segments and entropy-coded scans up to EOI. OpenCV decodes a truncated JPEG
/// without an error (libjpeg fills the missing rows with grey), so a missing end is caught here.
/// </summary>
internal static class JpegStructure
{
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;

    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= 3 && data[0] == 0xFF && data[1] == Soi && data[2] == 0xFF;

    /// <summary>
    /// Reads the frame size from the first SOF segment and checks that the marker structure is complete
    /// through EOI. Everything after EOI (some cameras append data) is ignored, as libjpeg does.
    /// </summary>
    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        ImageHeader? frame = null;
        var offset = 2;
        while (true)
        {
            var marker = NextMarker(data, ref offset);
            if (marker == Eoi)
            {
                return frame ?? throw new InvalidDataException("corrupt JPEG: no frame header (SOF) before EOI");
            }

            if (marker is Soi or 0x01 or >= 0xD0 and <= 0xD7)
            {
                continue; // markers without a length
            }

            if (data.Length - offset < 2)
            {
                throw ImageHeaderReader.Truncated("JPEG", $"the marker FF{marker:X2} at byte {offset - 2}");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
            if (length < 2 || length > data.Length - offset)
            {
                throw ImageHeaderReader.Truncated("JPEG", $"segment FF{marker:X2} at byte {offset - 2} ({length} bytes declared)");
            }

            // libjpeg decodes the first frame (a later SOF is an error it reports only after
            // decoding that frame's pixels), so the first is the size the pixel limit guards.
            if (IsStartOfFrame(marker) && frame is null)
            {
                frame = ReadFrame(data.Slice(offset, length), marker);
            }

            offset += length;
            if (marker == Sos)
            {
                offset = SkipEntropyCodedData(data, offset);
            }
        }
    }

    private static byte NextMarker(ReadOnlySpan<byte> data, ref int offset)
    {
        if (offset >= data.Length || data[offset] != 0xFF)
        {
            throw offset >= data.Length
                ? ImageHeaderReader.Truncated("JPEG", "the marker structure (no EOI marker)")
                : new InvalidDataException($"corrupt JPEG: expected a marker at byte {offset}");
        }

        while (offset < data.Length && data[offset] == 0xFF)
        {
            offset++; // a marker may be preceded by any number of fill bytes
        }

        if (offset >= data.Length)
        {
            throw ImageHeaderReader.Truncated("JPEG", "the marker structure (no EOI marker)");
        }

        return data[offset++];
    }

    // In entropy-coded data a 0xFF byte is followed by a stuffed 0x00 or a restart marker (FFD0-FFD7);
    // any other marker ends the scan.
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> data, int offset)
    {
        while (true)
        {
            var next = data[offset..].IndexOf((byte)0xFF);
            if (next < 0 || offset + next + 1 >= data.Length)
            {
                throw ImageHeaderReader.Truncated("JPEG", "the compressed image data (no EOI marker)");
            }

            offset += next;
            var following = data[offset + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7 || following == 0xFF)
            {
                offset += following == 0xFF ? 1 : 2;
                continue;
            }

            return offset;
        }
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static ImageHeader ReadFrame(ReadOnlySpan<byte> segment, byte marker)
    {
        // length(2) precision(1) height(2) width(2) components(1)
        if (segment.Length < 8)
        {
            throw new InvalidDataException($"corrupt JPEG: frame header FF{marker:X2} is {segment.Length} bytes long");
        }

        var height = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        var width = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
        if (width == 0)
        {
            throw new InvalidDataException("corrupt JPEG: the frame header declares a width of 0");
        }

        return new ImageHeader(ImageFormat.Jpeg, width, height);
    }
}
