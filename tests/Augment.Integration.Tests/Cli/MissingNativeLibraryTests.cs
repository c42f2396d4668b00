using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Cli;

/// <summary>
/// A machine without GTK 3 (the one system library OpenCvSharp's native library needs that a fresh
/// Debian lacks), or with the library itself missing, gets one clear message that names what is
/// missing and the command that installs it: exit code 2, no DllNotFoundException stack trace.
/// </summary>
public sealed class MissingNativeLibraryTests : IDisposable
{
    private const string LibraryName = "libOpenCvSharpExtern.so";

    private readonly TempFolder _temp = new();

    [Fact]
    public void A_missing_gtk_names_it_and_the_install_command()
    {
        // A copy of the real library whose dependency on libgtk-3.so.0 is renamed, byte for byte, to
        // a library no machine has: the dynamic loader then fails exactly as it does where GTK 3 is
        // not installed.
        var library = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", LibraryName));
        var broken = ReplaceOnce(library, "libgtk-3.so.0"u8, "libgtk-3.so.9"u8);
        var brokenPath = _temp.Combine(LibraryName);
        File.WriteAllBytes(brokenPath, broken);

        var result = ProcessRunner.RunTool(["--version"], new Dictionary<string, string?> { ["AUGMENT_OPENCV_LIBRARY"] = brokenPath });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"The library libgtk-3.so.9, which OpenCV's {LibraryName} needs, is missing.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install libgtk-3-0", result.StandardError, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void A_missing_library_names_the_file_and_where_it_comes_from()
    {
        var nowhere = _temp.Combine("not-here", LibraryName);

        var result = ProcessRunner.RunTool(["--version"], new Dictionary<string, string?> { ["AUGMENT_OPENCV_LIBRARY"] = nowhere });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{LibraryName} was not found (looked in: {nowhere})", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("OpenCvSharp4 runtime package", result.StandardError, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void With_the_real_library_the_version_names_tool_opencv_and_runtime()
    {
        var result = ProcessRunner.RunTool(["--version"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(
            @"^dotnet-augment \d+\.\d+\.\d+\nOpenCV 4\.13\.\d+ \(build [0-9a-f]{12}\) through OpenCvSharp4 4\.13\.0\.20261107\S*\n" +
            @"runtime OpenCvSharp4\.official\.runtime\.linux-x64 4\.13\.0\.20261107; libOpenCvSharpExtern\.so \d+ bytes\n" +
            @"PNG by opencv-libpng; engine [0-9a-f]{12}; fingerprint [0-9a-f]{12}\n$",
            result.StandardOutput);
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
        Assert.True(at >= 0, $"{LibraryName} does not name {System.Text.Encoding.ASCII.GetString(from)}");
        Assert.True(data.AsSpan(at + 1).IndexOf(from) < 0, $"{LibraryName} names it more than once");
        var copy = (byte[])data.Clone();
        to.CopyTo(copy.AsSpan(at));
        return copy;
    }
}
