using System.Security.Cryptography;
using System.Text;
using Augment.Core.Interop;

namespace Augment.Core.Engine;

/// <summary>
/// What does the pixel work, as far as it can change output bytes: OpenCV's version, a hash of its
/// build information (codec library versions, CPU dispatch), the shim's version and the hash of the
/// shim's sources. Part of every cache key.
/// </summary>
public sealed record EngineFingerprint(
    string OpenCvVersion, string BuildInformationSha256, string ShimVersion, string ShimSourceSha256)
{
    private static readonly Lazy<EngineFingerprint> CurrentEngine = new(Read);

    /// <summary>The engine this process runs (read once from the shim).</summary>
    public static EngineFingerprint Current => CurrentEngine.Value;

    /// <summary>One SHA-256 over every field, in a fixed order.</summary>
    public string Sha256 => Hash(
        $"opencv={OpenCvVersion}\nbuild={BuildInformationSha256}\nshim={ShimVersion}\nshim-sources={ShimSourceSha256}\n");

    private static EngineFingerprint Read()
    {
        var info = NativeEngine.ReadInfo();
        return new EngineFingerprint(info.OpenCvVersion, Hash(info.BuildInformation), info.ShimVersion, info.ShimSourceHash);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
