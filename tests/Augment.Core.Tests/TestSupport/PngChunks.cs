using System.Buffers.Binary;
using System.Text;
using Augment.Core.Imaging.Formats;

namespace Augment.Core.Tests.TestSupport;

/// <summary>Reads and patches the chunks of a PNG file, for tests that need crafted PNGs.</summary>
internal static class PngChunks
{
    private const int SignatureLength = 8;

    /// <summary>The chunk types in file order.</summary>
    public static IReadOnlyList<string> Types(ReadOnlySpan<byte> png)
    {
        var types = new List<string>();
        for (var offset = SignatureLength; offset + 12 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            types.Add(Encoding.ASCII.GetString(png.Slice(offset + 4, 4)));
            offset += 12 + length;
        }

        return types;
    }

    /// <summary>A copy of <paramref name="png"/> with a chunk (and its CRC) inserted before the first IDAT.</summary>
    public static byte[] WithChunkBeforeImageData(ReadOnlySpan<byte> png, string type, ReadOnlySpan<byte> data)
    {
        var at = SignatureLength;
        while (Encoding.ASCII.GetString(png.Slice(at + 4, 4)) != "IDAT")
        {
            at += 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
        }

        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4), data));
        return [.. png[..at], .. chunk, .. png[at..]];
    }

    /// <summary>A copy of <paramref name="png"/> whose IHDR declares another size, with IHDR's CRC recomputed.</summary>
    public static byte[] WithDeclaredSize(ReadOnlySpan<byte> png, uint width, uint height)
    {
        var patched = png.ToArray();
        const int ihdrType = SignatureLength + 4;
        const int ihdrDataLength = 13;
        BinaryPrimitives.WriteUInt32BigEndian(patched.AsSpan(ihdrType + 4), width);
        BinaryPrimitives.WriteUInt32BigEndian(patched.AsSpan(ihdrType + 8), height);
        var crc = Crc32.Compute(patched.AsSpan(ihdrType, 4), patched.AsSpan(ihdrType + 4, ihdrDataLength));
        BinaryPrimitives.WriteUInt32BigEndian(patched.AsSpan(ihdrType + 4 + ihdrDataLength), crc);
        return patched;
    }
}
