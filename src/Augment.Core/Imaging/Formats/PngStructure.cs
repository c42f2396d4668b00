using System.Buffers.Binary;

namespace Augment.Core.Imaging.Formats;

/// <summary>
/// Walks a PNG's chunks before libpng sees them. libpng reports a truncated or corrupt chunk, and
/// warns about some ancillary chunks (the sample images' iCCP profile), by printing to stderr, and
/// OpenCV gives it no handler to redirect that. So the chunk structure and CRCs are checked here, and
/// ancillary chunks that cannot change decoded pixels are dropped from the bytes handed to OpenCV.
/// What libpng would refuse in IHDR and in the critical chunks' order is refused here, quietly.
/// </summary>
internal static class PngStructure
{
    private const byte PaletteColourType = 3;

    // libpng's default user limit on each side (PNG_USER_WIDTH_MAX, PNG_USER_HEIGHT_MAX).
    private const uint MaxSide = 1_000_000;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        // Signature, then IHDR: length(4) type(4) width(4) height(4) ...
        if (data.Length < 8 + 8 + 8)
        {
            throw ImageHeaderReader.Truncated("PNG", "the IHDR header");
        }

        if (!data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("corrupt PNG: the first chunk is not IHDR");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"corrupt PNG: IHDR declares a size of {width}x{height}");
        }

        return new ImageHeader(ImageFormat.Png, (int)width, (int)height);
    }

    /// <summary>
    /// Checks every chunk's length and CRC, IHDR's fields, that IHDR comes once, that no critical chunk
    /// is unknown, and that IDAT (after PLTE, for a palette image) and IEND are there. Returns the
    /// bytes to decode: the input itself when it has no ancillary chunk to drop, a filtered copy otherwise.
    /// </summary>
    public static ReadOnlyMemory<byte> PrepareForDecode(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        var keep = new List<Range> { new(0, Signature.Length) };
        var dropped = false;
        var sawImageData = false;
        var sawPalette = false;
        var colourType = 0;
        var offset = Signature.Length;
        while (true)
        {
            if (span.Length - offset < 12)
            {
                throw ImageHeaderReader.Truncated("PNG", $"the chunk header at byte {offset} (no IEND chunk)");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(span[offset..]);
            var type = span.Slice(offset + 4, 4);
            var name = System.Text.Encoding.ASCII.GetString(type);
            if (length > int.MaxValue || length > (uint)(span.Length - offset - 12))
            {
                throw ImageHeaderReader.Truncated("PNG", $"chunk {name} at byte {offset} ({length} bytes declared)");
            }

            var end = offset + 12 + (int)length;
            var stored = BinaryPrimitives.ReadUInt32BigEndian(span[(end - 4)..]);
            if (Crc32.Compute(type, span.Slice(offset + 8, (int)length)) != stored)
            {
                throw new InvalidDataException($"corrupt PNG: CRC mismatch in chunk {name} at byte {offset}");
            }

            // libpng reports each of these with "libpng error: ..." on stderr before it gives up.
            if (name == "IHDR")
            {
                colourType = offset == Signature.Length
                    ? CheckHeaderChunk(span.Slice(offset + 8, (int)length))
                    : throw new InvalidDataException($"corrupt PNG: a second IHDR chunk at byte {offset}");
            }
            else if (IsCritical(type) && name is not ("PLTE" or "IDAT" or "IEND"))
            {
                throw new InvalidDataException($"corrupt PNG: unknown critical chunk '{Printable(name)}' at byte {offset}");
            }

            sawPalette |= name == "PLTE" && !sawImageData;
            if (name == "IDAT" && !sawImageData && colourType == PaletteColourType && !sawPalette)
            {
                throw new InvalidDataException("corrupt PNG: a palette image with no PLTE chunk before its image data");
            }

            sawImageData |= name == "IDAT";
            if (KeepsChunk(type))
            {
                keep.Add(new Range(offset, end));
            }
            else
            {
                dropped = true;
            }

            if (name == "IEND")
            {
                break;
            }

            offset = end;
        }

        if (!sawImageData)
        {
            throw new InvalidDataException("corrupt PNG: it has no image data (IDAT chunk)");
        }

        return dropped ? Concatenate(data, keep) : data;
    }

    // IHDR's fields as png_check_IHDR accepts them; returns the colour type.
    private static int CheckHeaderChunk(ReadOnlySpan<byte> ihdr)
    {
        if (ihdr.Length != 13)
        {
            throw new InvalidDataException($"corrupt PNG: IHDR is {ihdr.Length} bytes long, not 13");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]);
        if (width > MaxSide || height > MaxSide)
        {
            throw new InvalidDataException(
                $"PNG of {width}x{height} pixels: libpng reads at most {MaxSide:N0} pixels a side");
        }

        int depth = ihdr[8], colour = ihdr[9];
        var valid = colour switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            PaletteColourType => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!valid)
        {
            throw new InvalidDataException($"corrupt PNG: IHDR declares colour type {colour} with bit depth {depth}");
        }

        if (ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
        {
            throw new InvalidDataException(
                $"corrupt PNG: IHDR declares compression method {ihdr[10]}, filter method {ihdr[11]}, interlace method {ihdr[12]}");
        }

        return colour;
    }

    private static bool IsCritical(ReadOnlySpan<byte> type) => (type[0] & 0x20) == 0;

    private static string Printable(string name) => string.Concat(name.Select(c => c is >= ' ' and <= '~' ? c : '?'));

    // Critical chunks (upper-case first letter: IHDR, PLTE, IDAT, IEND) and tRNS, the one ancillary
    // chunk that changes what IMREAD_UNCHANGED decodes (it becomes the alpha channel).
    private static bool KeepsChunk(ReadOnlySpan<byte> type) =>
        IsCritical(type) || type.SequenceEqual("tRNS"u8);

    private static byte[] Concatenate(ReadOnlyMemory<byte> data, List<Range> ranges)
    {
        var total = ranges.Sum(r => r.GetOffsetAndLength(data.Length).Length);
        var result = new byte[total];
        var at = 0;
        foreach (var range in ranges)
        {
            var part = data.Span[range];
            part.CopyTo(result.AsSpan(at));
            at += part.Length;
        }

        return result;
    }
}
