using System.Buffers.Binary;

namespace Augment.Core.Imaging.Formats;

/// <summary>Reads a WebP's canvas size from its first chunk (VP8, VP8L or VP8X).</summary>
internal static class WebpStructure
{
    public static bool HasSignature(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8);

    public static ImageHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize > (uint)(data.Length - 8))
        {
            throw ImageHeaderReader.Truncated("WebP", $"the RIFF container ({riffSize} bytes declared, {data.Length - 8} present)");
        }

        if (data.Length < 30)
        {
            throw ImageHeaderReader.Truncated("WebP", "the first chunk's header");
        }

        var chunk = data.Slice(12, 4);
        var (width, height) = chunk switch
        {
            _ when chunk.SequenceEqual("VP8X"u8) => (ReadUInt24(data[24..]) + 1, ReadUInt24(data[27..]) + 1),
            _ when chunk.SequenceEqual("VP8L"u8) => Lossless(data[21..]),
            _ when chunk.SequenceEqual("VP8 "u8) => Lossy(data[20..]),
            _ => throw new InvalidDataException($"corrupt WebP: unknown first chunk '{System.Text.Encoding.ASCII.GetString(chunk)}'"),
        };
        return new ImageHeader(ImageFormat.WebP, width, height);
    }

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);

    // VP8L: a 0x2F signature byte, then 14 bits of width-1 and 14 bits of height-1.
    private static (int, int) Lossless(ReadOnlySpan<byte> bits)
    {
        var packed = BinaryPrimitives.ReadUInt32LittleEndian(bits);
        return ((int)(packed & 0x3FFF) + 1, (int)((packed >> 14) & 0x3FFF) + 1);
    }

    // VP8 key frame: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
    private static (int, int) Lossy(ReadOnlySpan<byte> frame)
    {
        if (frame[3] != 0x9D || frame[4] != 0x01 || frame[5] != 0x2A)
        {
            throw new InvalidDataException("corrupt WebP: the VP8 frame has no key-frame start code");
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(frame[6..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(frame[8..]) & 0x3FFF);
    }
}
