using System.Text.RegularExpressions;
using Augment.Core.Engine;
using Augment.Core.OpenCv;

namespace Augment.Core.Tests.Engine;

/// <summary>The engine fingerprint names everything that can change a byte and hashes every field.</summary>
public sealed partial class EngineFingerprintTests
{
    private static readonly EngineFingerprint Sample = new(
        "4.13.0", new string('a', 64), "4.13.0.20261107", "OpenCvSharp4.official.runtime.linux-x64 4.13.0.20261107", "opencv-libpng", new string('b', 64), "glibc 2.36; x64 variant fma");

    [Fact]
    public void Current_engine_is_opencv_4_13_through_the_pinned_opencvsharp4()
    {
        var current = EngineFingerprint.Current;

        Assert.StartsWith("4.13", current.OpenCvVersion, StringComparison.Ordinal);
        Assert.Matches(Sha256Hex(), current.BuildInformationSha256);
        Assert.StartsWith("4.13.0.20261107", current.OpenCvSharpVersion, StringComparison.Ordinal);
        // The runtime package's version as Directory.Packages.props pins it, and the loaded library's size.
        Assert.Matches(@"^OpenCvSharp4\.official\.runtime\.linux-x64 4\.13\.0\.20261107; libOpenCvSharpExtern\.so \d+ bytes$", current.RuntimeVersion);
        Assert.Equal("opencv-libpng", current.PngCompressor);
        Assert.Matches(Sha256Hex(), current.EngineAssembly);
        Assert.Matches(@"^glibc \d+\.\d+; x64 variant (fma|fma4|sse2)$", current.MathLibrary);
        Assert.Matches(Sha256Hex(), current.Sha256);
    }

    [Fact]
    public void Build_information_names_the_codecs_and_the_settings_opencv_runs_with()
    {
        // The codec libraries' versions and the dispatch settings are in what the fingerprint hashes.
        var information = OpenCvRuntime.ReadEngineInfo().BuildInformation;
        Assert.Matches(@"ZLib:\s+zlib \(ver \d+\.\d+", information);
        Assert.Matches(@"PNG:.*\(ver \d+\.\d+", information);
        Assert.Contains("OPENCV_IPP=disabled", information, StringComparison.Ordinal);
        Assert.Contains("useOptimized=False", information, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_is_stable_between_reads()
    {
        Assert.Equal(EngineFingerprint.Current.Sha256, EngineFingerprint.Current.Sha256);
        Assert.Equal(Sample.Sha256, (Sample with { }).Sha256);
    }

    public static TheoryData<string, EngineFingerprint> OneFieldChanged() => new()
    {
        { "OpenCvVersion", Sample with { OpenCvVersion = "4.13.1" } },
        { "BuildInformationSha256", Sample with { BuildInformationSha256 = new string('c', 64) } },
        { "OpenCvSharpVersion", Sample with { OpenCvSharpVersion = "4.13.0.20261201" } },
        { "RuntimeVersion", Sample with { RuntimeVersion = "OpenCvSharp4.official.runtime.linux-x64 4.13.0.20261201" } },
        { "PngCompressor", Sample with { PngCompressor = "zlib-ng 2.2.1" } },
        { "EngineAssembly", Sample with { EngineAssembly = new string('d', 64) } },
        { "MathLibrary", Sample with { MathLibrary = "glibc 2.36; x64 variant sse2" } },
    };

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void Hash_changes_when_any_field_changes(string field, EngineFingerprint changed)
    {
        Assert.NotEqual(Sample, changed);
        Assert.True(Sample.Sha256 != changed.Sha256, $"changing {field} must change the hash");
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
