using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Augment.Core.Cache;

/// <summary>
/// Everything an output item's bytes depend on (PRODUCT.md section 6). Two items with the same key
/// have the same bytes, so a key found in the cache is materialised instead of rendered.
/// </summary>
public sealed record ItemKeyInputs(
    int SchemaVersion,
    string ToolVersion,
    string EngineFingerprint,
    string CanonicalPipeline,
    string Encoding,
    ulong Seed,
    string ItemPath,
    int Variant,
    int MaskFill,
    string ImageSha256,
    IReadOnlyList<string> MaskSha256s)
{
    /// <summary>The key: see <see cref="ItemKeys"/>.</summary>
    public string Compute()
    {
        using var keys = new ItemKeys(SchemaVersion, ToolVersion, EngineFingerprint, CanonicalPipeline, Encoding, Seed, MaskFill);
        return keys.Compute(ItemPath, Variant, ImageSha256, MaskSha256s);
    }
}

/// <summary>
/// The keys of one build's items. The fields every item shares (schema, tool and engine versions,
/// canonical pipeline, encoding, seed, mask fill) are hashed once, one per line, into a build digest;
/// an item's key is the SHA-256 of that digest and its own fields (item path, variant, input
/// hashes). A no-op build computes 10,000 keys, and the canonical pipeline alone is a kilobyte or
/// more: hashing it once instead of once per item is most of the planner's time.
/// </summary>
public sealed class ItemKeys : IDisposable
{
    private readonly string _buildDigest;
    // One hash context for every key: a one-shot SHA256.HashData fetches OpenSSL's implementation
    // each time, which costs more than hashing a key's few hundred bytes.
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Lock _gate = new();

    public ItemKeys(int schemaVersion, string toolVersion, string engineFingerprint, string canonicalPipeline, string encoding, ulong seed, int maskFill)
    {
        var shared = new StringBuilder()
            .Append("augment.build/item-key-shared/v2\n")
            .Append(CultureInfo.InvariantCulture, $"schema={schemaVersion}\n")
            .Append(CultureInfo.InvariantCulture, $"tool={toolVersion}\n")
            .Append(CultureInfo.InvariantCulture, $"engine={engineFingerprint}\n")
            .Append(CultureInfo.InvariantCulture, $"pipeline={canonicalPipeline}\n")
            .Append(CultureInfo.InvariantCulture, $"encoding={encoding}\n")
            .Append(CultureInfo.InvariantCulture, $"seed={seed}\n")
            .Append(CultureInfo.InvariantCulture, $"mask-fill={maskFill}\n");
        _buildDigest = Sha256(shared.ToString());
    }

    /// <summary>
    /// SHA-256 over the build digest and the item's fields, one per line, in this order; the label
    /// file's hash is a last line, for items that have labels.
    /// </summary>
    public string Compute(string itemPath, int variant, string imageSha256, IReadOnlyList<string> maskSha256s, string? labelsSha256 = null)
    {
        var labels = labelsSha256 is null ? string.Empty : $"labels={labelsSha256}\n";
        var text = System.Text.Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"augment.build/item-key/v2\nshared={_buildDigest}\nitem={itemPath}\nvariant={variant}\nimage={imageSha256}\nmasks={string.Join(',', maskSha256s)}\n{labels}"));
        Span<byte> digest = stackalloc byte[32];
        lock (_gate)
        {
            _hash.AppendData(text);
            _hash.GetHashAndReset(digest);
        }

        return Convert.ToHexStringLower(digest);
    }

    public void Dispose() => _hash.Dispose();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
