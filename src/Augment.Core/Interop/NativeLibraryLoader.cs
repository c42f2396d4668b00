using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Augment.Core.Interop;

/// <summary>
/// Finds and loads libaugment_native.so, and turns a failure into a message that says which library
/// is missing and how to install it, instead of a bare <see cref="DllNotFoundException"/>.
/// </summary>
internal static partial class NativeLibraryLoader
{
    /// <summary>Points the loader at one exact shim file (a packaged copy, a test's broken copy).</summary>
    internal const string PathVariable = "AUGMENT_NATIVE_LIBRARY";

    internal const string FileName = "libaugment_native.so";

    internal const string InstallCommand =
        "sudo apt-get install libopencv-core406 libopencv-imgproc406 libopencv-imgcodecs406";

    private static readonly Lock Gate = new();
    private static nint _handle;
    private static int _registered;

    internal static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName)
        {
            return nint.Zero;
        }

        lock (Gate)
        {
            if (_handle == nint.Zero)
            {
                _handle = Load(CandidatePaths());
            }

            return _handle;
        }
    }

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
            Path.Combine(assemblyDir, FileName),
            Path.Combine(assemblyDir, "runtimes", "linux-x64", "native", FileName),
            Path.Combine(AppContext.BaseDirectory, FileName),
        }.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static nint Load(IReadOnlyList<string> candidates)
    {
        var existing = candidates.FirstOrDefault(File.Exists);
        if (existing is null)
        {
            throw new AugmentNativeException(
                $"The native shim {FileName} was not found (looked in: {string.Join(", ", candidates)}). " +
                $"It is built from source by `dotnet build`; rebuild, or set {PathVariable} to its path.");
        }

        try
        {
            return NativeLibrary.Load(existing);
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
    internal static string Explain(string shimPath, string loaderMessage)
    {
        var missing = MissingLibraryPattern().Matches(loaderMessage)
            .Select(m => m.Groups["name"].Value)
            .FirstOrDefault(name => !name.Equals(FileName, StringComparison.Ordinal));
        if (missing is not null)
        {
            var package = OpenCvPackagePattern().Match(missing) is { Success: true } m
                ? $"libopencv-{m.Groups["module"].Value.Replace('_', '-')}{m.Groups["soversion"].Value}"
                : null;
            var install = package is null
                ? $"It is a dependency of OpenCV; reinstall OpenCV's runtime: {InstallCommand}"
                : $"Install it with: sudo apt-get install {package} (all of OpenCV's: {InstallCommand}; or run build/setup.sh)";
            return $"The library {missing}, which {FileName} needs, is missing. {install}.";
        }

        var undefined = UndefinedSymbolPattern().Match(loaderMessage);
        if (undefined.Success)
        {
            return $"{shimPath} does not match the installed OpenCV (undefined symbol {undefined.Groups["symbol"].Value}). " +
                   $"Rebuild it with `dotnet build`, or reinstall OpenCV 4.6: {InstallCommand}.";
        }

        return $"{shimPath} could not be loaded: {LastLoaderLine(loaderMessage)}";
    }

    private static string LastLoaderLine(string loaderMessage) =>
        loaderMessage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
        ?? loaderMessage;

    [GeneratedRegex(@"(?<name>[^\s:/]+\.so[.\d]*): cannot open shared object file")]
    private static partial Regex MissingLibraryPattern();

    [GeneratedRegex(@"^libopencv_(?<module>[a-z0-9_]+)\.so\.(?<soversion>\d+)")]
    private static partial Regex OpenCvPackagePattern();

    [GeneratedRegex(@"undefined symbol: (?<symbol>\S+)")]
    private static partial Regex UndefinedSymbolPattern();
}
