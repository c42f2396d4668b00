using Augment.Core.Interop;

namespace Augment.Core.Tests.Interop;

/// <summary>A loader failure becomes a message that says what is missing and how to install it.</summary>
public sealed class NativeLibraryLoaderTests
{
    private const string ShimPath = "/x/libaugment_native.so";

    [Fact]
    public void Missing_opencv_library_names_it_and_its_debian_package()
    {
        const string loaderMessage =
            "Unable to load shared library '/x/libaugment_native.so' or one of its dependencies. In order to help " +
            "diagnose loading problems, consider using a tool like strace.\n" +
            "libopencv_imgcodecs.so.406: cannot open shared object file: No such file or directory";

        var message = NativeLibraryLoader.Explain(ShimPath, loaderMessage);

        Assert.Contains("libopencv_imgcodecs.so.406", message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install libopencv-imgcodecs406", message, StringComparison.Ordinal);
        Assert.DoesNotContain("is missing. It is a dependency", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_shim_itself_is_not_reported_as_the_missing_dependency()
    {
        const string loaderMessage =
            "/x/libaugment_native.so: cannot open shared object file: No such file or directory\n" +
            "libopencv_core.so.406: cannot open shared object file: No such file or directory";

        var message = NativeLibraryLoader.Explain(ShimPath, loaderMessage);

        Assert.StartsWith("The library libopencv_core.so.406, which libaugment_native.so needs", message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install libopencv-core406", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_library_outside_opencv_points_at_reinstalling_opencv()
    {
        const string loaderMessage = "libtiff.so.6: cannot open shared object file: No such file or directory";

        var message = NativeLibraryLoader.Explain(ShimPath, loaderMessage);

        Assert.Contains("libtiff.so.6", message, StringComparison.Ordinal);
        Assert.Contains(NativeLibraryLoader.InstallCommand, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_symbol_says_the_shim_does_not_match_opencv()
    {
        const string loaderMessage =
            "/x/libaugment_native.so: undefined symbol: _ZN2cv8imdecodeERKNS_11_InputArrayEi";

        var message = NativeLibraryLoader.Explain(ShimPath, loaderMessage);

        Assert.StartsWith($"{ShimPath} does not match the installed OpenCV", message, StringComparison.Ordinal);
        Assert.Contains("_ZN2cv8imdecodeERKNS_11_InputArrayEi", message, StringComparison.Ordinal);
        Assert.Contains("dotnet build", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_loader_failure_keeps_the_loader_text()
    {
        var message = NativeLibraryLoader.Explain(ShimPath, "first line\n/x/libaugment_native.so: invalid ELF header");

        Assert.Equal($"{ShimPath} could not be loaded: /x/libaugment_native.so: invalid ELF header", message);
    }
}
