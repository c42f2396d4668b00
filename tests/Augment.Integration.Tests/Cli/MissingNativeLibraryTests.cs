using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Cli;

/// <summary>
/// A machine without OpenCV's runtime, or with the shim missing, gets one clear message that names
/// the library and the command that installs it: exit code 2, no DllNotFoundException stack trace.
/// </summary>
public sealed class MissingNativeLibraryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void A_missing_OpenCV_library_names_it_and_the_install_command()
    {
        // A copy of the real shim whose dependency on libopencv_imgcodecs.so.406 is renamed, byte for
        // byte, to a library no machine has: the dynamic loader then fails exactly as it does where
        // the OpenCV runtime package is not installed.
        var shim = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "libaugment_native.so"));
        var broken = ReplaceOnce(shim, "libopencv_imgcodecs.so.406"u8, "libopencv_imgcodecx.so.406"u8);
        var brokenPath = _temp.Combine("libaugment_native.so");
        File.WriteAllBytes(brokenPath, broken);

        var result = ProcessRunner.RunTool(["--version"], new Dictionary<string, string?> { ["AUGMENT_NATIVE_LIBRARY"] = brokenPath });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("libopencv_imgcodecx.so.406", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install libopencv-imgcodecx406", result.StandardError, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void A_missing_shim_names_the_file_and_how_to_build_it()
    {
        var nowhere = _temp.Combine("not-here", "libaugment_native.so");

        var result = ProcessRunner.RunTool(["--version"], new Dictionary<string, string?> { ["AUGMENT_NATIVE_LIBRARY"] = nowhere });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"libaugment_native.so was not found (looked in: {nowhere})", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("dotnet build", result.StandardError, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void With_the_real_shim_the_version_names_tool_shim_and_OpenCV()
    {
        var result = ProcessRunner.RunTool(["--version"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^dotnet-augment \d+\.\d+\.\d+\nshim 0\.1\.0 \(sources [0-9a-f]{12}\)\nOpenCV 4\.6\.\d+ ", result.StandardOutput);
        Assert.Equal(string.Empty, result.StandardError);
    }

    public void Dispose() => _temp.Dispose();

    private static void AssertNoStackTrace(ProcessResult result)
    {
        Assert.DoesNotContain("DllNotFoundException", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    private static byte[] ReplaceOnce(byte[] data, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
    {
        var at = data.AsSpan().IndexOf(from);
        Assert.True(at >= 0, "the shim does not name libopencv_imgcodecs.so.406");
        Assert.True(data.AsSpan(at + 1).IndexOf(from) < 0, "the shim names libopencv_imgcodecs.so.406 more than once");
        var copy = (byte[])data.Clone();
        to.CopyTo(copy.AsSpan(at));
        return copy;
    }
}
