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
    /// <summary>SHA-256 over the fields, one per line, in this order.</summary>
    public string Compute()
    {
        var text = new StringBuilder()
            .Append("augment.build/item-key/v1\n")
            .Append(CultureInfo.InvariantCulture, $"schema={SchemaVersion}\n")
            .Append(CultureInfo.InvariantCulture, $"tool={ToolVersion}\n")
            .Append(CultureInfo.InvariantCulture, $"engine={EngineFingerprint}\n")
            .Append(CultureInfo.InvariantCulture, $"pipeline={CanonicalPipeline}\n")
            .Append(CultureInfo.InvariantCulture, $"encoding={Encoding}\n")
            .Append(CultureInfo.InvariantCulture, $"seed={Seed}\n")
            .Append(CultureInfo.InvariantCulture, $"item={ItemPath}\n")
            .Append(CultureInfo.InvariantCulture, $"variant={Variant}\n")
            .Append(CultureInfo.InvariantCulture, $"mask-fill={MaskFill}\n")
            .Append(CultureInfo.InvariantCulture, $"image={ImageSha256}\n")
            .Append(CultureInfo.InvariantCulture, $"masks={string.Join(',', MaskSha256s)}\n");
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }
}
