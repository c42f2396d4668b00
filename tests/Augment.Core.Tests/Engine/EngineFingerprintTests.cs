using System.Text.RegularExpressions;
using Augment.Core.Engine;

namespace Augment.Core.Tests.Engine;

/// <summary>The engine fingerprint describes the OpenCV and shim in use and hashes every field.</summary>
public sealed partial class EngineFingerprintTests
{
    private static readonly EngineFingerprint Sample = new(
        "4.6.0", new string('a', 64), "0.1.0", new string('b', 64));

    [Fact]
    public void Current_engine_is_opencv_4_6_with_this_shim()
    {
        var current = EngineFingerprint.Current;

        Assert.StartsWith("4.6", current.OpenCvVersion, StringComparison.Ordinal);
        Assert.Matches(Sha256Hex(), current.BuildInformationSha256);
        // MSBuild's GetFileHash (Augment.Native.targets) writes hex in upper case; the others are lower.
        Assert.Matches(Sha256Hex(), current.ShimSourceSha256);
        Assert.Equal("0.1.0", current.ShimVersion);
        Assert.Matches(Sha256Hex(), current.Sha256);
    }

    [Fact]
    public void Build_information_names_the_zlib_the_png_path_deflates_with()
    {
        // The shim writes PNG through the zlib loaded at run time, not through OpenCV's libpng, so
        // that zlib's version is part of what the fingerprint hashes.
        var information = Augment.Core.Interop.NativeEngine.ReadInfo().BuildInformation;
        Assert.Matches(@"zlib at run time \(the shim's PNG path\): \d+\.\d+", information);
    }

    [Fact]
    public void Hash_is_stable_between_reads()
    {
        Assert.Equal(EngineFingerprint.Current.Sha256, EngineFingerprint.Current.Sha256);
        Assert.Equal(Sample.Sha256, (Sample with { }).Sha256);
    }

    public static TheoryData<string, EngineFingerprint> OneFieldChanged() => new()
    {
        { "OpenCvVersion", Sample with { OpenCvVersion = "4.6.1" } },
        { "BuildInformationSha256", Sample with { BuildInformationSha256 = new string('c', 64) } },
        { "ShimVersion", Sample with { ShimVersion = "0.1.1" } },
        { "ShimSourceSha256", Sample with { ShimSourceSha256 = new string('d', 64) } },
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
