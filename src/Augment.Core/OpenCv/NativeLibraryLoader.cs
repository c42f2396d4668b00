using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Augment.Core.Platform;
using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// Finds and loads OpenCvSharp's native library (libOpenCvSharpExtern.so, OpenCV 4.13 with its codecs
/// linked in), configures OpenCV before its first call, and turns a failure into a message that says
/// which library is missing and how to install it, instead of a bare <see cref="DllNotFoundException"/>.
/// </summary>
internal static partial class NativeLibraryLoader
{
    /// <summary>Points the loader at one exact native library (another platform's runtime, a test's broken copy).</summary>
    internal const string PathVariable = "AUGMENT_OPENCV_LIBRARY";

    /// <summary>The name OpenCvSharp's P/Invokes ask for.</summary>
    private const string LibraryName = "OpenCvSharpExtern";

    private static readonly Lock Gate = new();
    private static nint _handle;
    private static string? _loadedPath;

    /// <summary>The library's file name on this platform.</summary>
    internal static string FileName =>
        OperatingSystem.IsWindows() ? "OpenCvSharpExtern.dll" :
        OperatingSystem.IsMacOS() ? "libOpenCvSharpExtern.dylib" : "libOpenCvSharpExtern.so";

    /// <summary>What a machine without GTK 3 must install (OpenCvSharp's library links its highgui against it).</summary>
    internal static string InstallCommand => "sudo apt-get install libgtk-3-0 (Debian, Ubuntu; RHEL: sudo dnf install gtk3)";

    /// <summary>Where the library was loaded from (after <see cref="EnsureLoaded"/>).</summary>
    internal static string? LoadedPath => _loadedPath;

    /// <summary>
    /// Loads the library once, before any OpenCvSharp call; every entry point of the adapter goes
    /// through here (<see cref="OpenCvRuntime"/>). Throws <see cref="AugmentNativeException"/>.
    /// </summary>
    internal static void EnsureLoaded()
    {
        if (Volatile.Read(ref _handle) != nint.Zero)
        {
            return;
        }

        lock (Gate)
        {
            if (_handle != nint.Zero)
            {
                return;
            }

            // Read by OpenCV when it initialises, so set before the library is loaded (OpenCvRuntime).
            OpenCvRuntime.PrepareEnvironment();
            var (path, handle) = Load(CandidatePaths());
            NativeLibrary.SetDllImportResolver(typeof(Cv2).Assembly, Resolve);
            _loadedPath = path;
            Volatile.Write(ref _handle, handle);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName ? _handle : nint.Zero;

    /// <summary>Where the library is looked for, in order: the override, next to the engine, under its runtimes/ folder.</summary>
    internal static IReadOnlyList<string> CandidatePaths()
    {
        var overridePath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            return [Path.GetFullPath(overridePath)];
        }

        var assemblyDir = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location) ?? AppContext.BaseDirectory;
        return new[]
        {
            Path.Combine(assemblyDir, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", FileName),
            Path.Combine(assemblyDir, "runtimes", PortableRid(), "native", FileName),
            Path.Combine(assemblyDir, FileName),
            Path.Combine(AppContext.BaseDirectory, FileName),
        }.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The first candidate that exists: the file the engine fingerprint and the up-to-date stamp name.</summary>
    internal static string? ExistingPath() => CandidatePaths().FirstOrDefault(File.Exists);

    private static string PortableRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }

    private static (string Path, nint Handle) Load(IReadOnlyList<string> candidates)
    {
        var existing = candidates.FirstOrDefault(File.Exists);
        if (existing is null)
        {
            throw new AugmentNativeException(
                $"OpenCV's native library {FileName} was not found (looked in: {string.Join(", ", candidates)}). " +
                $"It comes with the OpenCvSharp4 runtime package for this platform; restore and build again, or set {PathVariable} to its path.");
        }

        try
        {
            return (existing, NativeLibrary.Load(existing));
        }
        catch (DllNotFoundException e)
        {
            throw new AugmentNativeException(Explain(existing, e.Message), e);
        }
        catch (BadImageFormatException e)
        {
            throw new AugmentNativeException($"{existing} is not a loadable shared library for this machine: {e.Message}", e);
        }
    }

    /// <summary>Turns the loader's (dlerror's) text into what the user has to do.</summary>
    internal static string Explain(string libraryPath, string loaderMessage)
    {
        var missing = MissingLibraryPattern().Matches(loaderMessage)
            .Select(m => m.Groups["name"].Value)
            .FirstOrDefault(name => !name.Equals(FileName, StringComparison.Ordinal) && !name.Equals(Path.GetFileName(libraryPath), StringComparison.Ordinal));
        if (missing is not null)
        {
            var install = GtkPattern().IsMatch(missing)
                ? $"Install GTK 3: {InstallCommand}, or run build/setup.sh"
                : $"It is a system library {FileName} links; install the package that provides it (GTK 3's is {InstallCommand})";
            return $"The library {missing}, which OpenCV's {FileName} needs, is missing. {install}.";
        }

        return $"{libraryPath} could not be loaded: {LastLoaderLine(loaderMessage)}";
    }

    private static string LastLoaderLine(string loaderMessage) =>
        loaderMessage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
        ?? loaderMessage;

    [GeneratedRegex(@"(?<name>[^\s:/]+\.so[.\d]*): cannot open shared object file")]
    private static partial Regex MissingLibraryPattern();

    [GeneratedRegex(@"^lib(gtk|gdk)-3\.so")]
    private static partial Regex GtkPattern();
}
