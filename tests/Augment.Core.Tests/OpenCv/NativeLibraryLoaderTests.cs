using Augment.Core.OpenCv;

namespace Augment.Core.Tests.OpenCv;

/// <summary>A loader failure becomes a message that says what is missing and how to install it.</summary>
public sealed class NativeLibraryLoaderTests
{
    private const string LibraryPath = "/x/runtimes/linux-x64/native/libOpenCvSharpExtern.so";

    [Fact]
    public void Missing_gtk_names_it_and_the_package_to_install()
    {
        const string loaderMessage =
            "Unable to load shared library '/x/runtimes/linux-x64/native/libOpenCvSharpExtern.so' or one of its dependencies. " +
            "In order to help diagnose loading problems, consider using a tool like strace.\n" +
            "libgtk-3.so.0: cannot open shared object file: No such file or directory";

        var message = NativeLibraryLoader.Explain(LibraryPath, loaderMessage);

        Assert.StartsWith("The library libgtk-3.so.0, which OpenCV's libOpenCvSharpExtern.so needs, is missing.", message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install libgtk-3-0", message, StringComparison.Ordinal);
        Assert.Contains("dnf install gtk3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_library_itself_is_not_reported_as_the_missing_dependency()
    {
        const string loaderMessage =
            "/x/runtimes/linux-x64/native/libOpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n" +
            "libgdk-3.so.0: cannot open shared object file: No such file or directory";

        var message = NativeLibraryLoader.Explain(LibraryPath, loaderMessage);

        Assert.StartsWith("The library libgdk-3.so.0, which", message, StringComparison.Ordinal);
        Assert.Contains("libgtk-3-0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_library_outside_gtk_names_it()
    {
        const string loaderMessage = "libX11.so.6: cannot open shared object file: No such file or directory";

        var message = NativeLibraryLoader.Explain(LibraryPath, loaderMessage);

        Assert.StartsWith("The library libX11.so.6, which", message, StringComparison.Ordinal);
        Assert.Contains("install the package that provides it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_loader_failure_keeps_the_loader_text()
    {
        var message = NativeLibraryLoader.Explain(LibraryPath, "first line\n/x/libOpenCvSharpExtern.so: invalid ELF header");

        Assert.Equal($"{LibraryPath} could not be loaded: /x/libOpenCvSharpExtern.so: invalid ELF header", message);
    }

    [Fact]
    public void Opencv_runs_its_baseline_code_whatever_the_cpu()
    {
        // docs/randomness.md: no SIMD dispatch and no IPP, so every CPU computes the same bytes.
        Assert.False(OpenCvRuntime.UsesOptimizedCode());
        Assert.Equal("disabled", Environment.GetEnvironmentVariable("OPENCV_IPP"));
    }
}
