using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Augment.Core.Randomness;

/// <summary>
/// The 256-bit seed of one (source item, variant): SHA-256 over the master seed, the item's path
/// relative to the config (forward slashes) and the variant index. Every op's stream derives from it
/// (<see cref="RandomStream.ForOp"/>), so an item's randomness depends on nothing else: not on other
/// items, the processing order, the thread count or the number of variants. docs/randomness.md.
/// </summary>
public readonly record struct ItemSeed
{
    private const string Domain = "augment.build/item-seed/v1";

    private readonly byte[] _bytes;

    private ItemSeed(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Lower-case hex, as the manifest records it.</summary>
    public string Hex => Convert.ToHexStringLower(_bytes);

    public static ItemSeed Derive(ulong masterSeed, string itemPath, int variant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        var path = Encoding.UTF8.GetBytes(itemPath.Replace('\\', '/'));
        var message = new List<byte>(Domain.Length + 1 + 8 + 4 + path.Length + 4);
        message.AddRange(Encoding.ASCII.GetBytes(Domain));
        message.Add(0);
        AppendUInt64(message, masterSeed);
        AppendUInt32(message, (uint)path.Length);
        message.AddRange(path);
        AppendUInt32(message, (uint)variant);
        return new ItemSeed(SHA256.HashData(message.ToArray()));
    }

    public static ItemSeed FromHex(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        return bytes.Length == 32 ? new ItemSeed(bytes) : throw new FormatException("an item seed is 64 hex digits");
    }

    public bool Equals(ItemSeed other) => Bytes.SequenceEqual(other.Bytes);

    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_bytes);

    public override string ToString() => Hex;

    internal static void AppendUInt64(List<byte> message, ulong value)
    {
        Span<byte> le = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(le, value);
        message.AddRange(le);
    }

    internal static void AppendUInt32(List<byte> message, uint value)
    {
        Span<byte> le = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(le, value);
        message.AddRange(le);
    }
}
