using System.Security.Cryptography;
using System.Text;
using Augment.Core.OpenCv;

namespace Augment.Core.Engine;

/// <summary>
/// What does the pixel work, as far as it can change output bytes: OpenCV's version and a hash of
/// its build information (codec library versions, CPU dispatch, the IPP and optimisation settings
/// the engine runs it with), the OpenCvSharp4 wrapper's and native runtime's versions, who
/// compresses PNGs, the hash of the engine's C# sources (the pixel code: noise, fields, maps), and the
/// C maths library that .NET and OpenCV call for exp, log and the like (<see cref="Platform.MathLibrary"/>).
/// Part of every cache key.
/// </summary>
public sealed record EngineFingerprint(
    string OpenCvVersion,
    string BuildInformationSha256,
    string OpenCvSharpVersion,
    string RuntimeVersion,
    string PngCompressor,
    string EngineAssembly,
    string MathLibrary)
{
    private static readonly Lazy<EngineFingerprint> CurrentEngine = new(Read);

    /// <summary>The engine this process runs (read once from OpenCV and this assembly).</summary>
    public static EngineFingerprint Current => CurrentEngine.Value;

    /// <summary>One SHA-256 over every field, in a fixed order.</summary>
    public string Sha256 => Hash(
        $"opencv={OpenCvVersion}\nbuild={BuildInformationSha256}\nopencvsharp={OpenCvSharpVersion}\nruntime={RuntimeVersion}\n" +
        $"png={PngCompressor}\nengine={EngineAssembly}\nlibm={MathLibrary}\n");

    private static EngineFingerprint Read()
    {
        var info = OpenCvRuntime.ReadEngineInfo();
        return new EngineFingerprint(
            info.OpenCvVersion, Hash(info.BuildInformation), info.OpenCvSharpVersion, info.RuntimeVersion, info.PngCompressor, EngineAssemblyIdentity(), Platform.MathLibrary.Describe());
    }

    /// <summary>
    /// The SHA-256 of the engine's C# sources, compiled in (Augment.Core.csproj): any change of the
    /// C# pixel code changes every key, at the same tool version too.
    /// </summary>
    private static string EngineAssemblyIdentity() =>
        typeof(EngineFingerprint).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "EngineSources")?.Value ?? "unknown";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
