using System.Reflection;
using Augment.Core.Platform;
using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>The engine's self-description: what does the pixel work, as far as it can change a byte.</summary>
internal sealed record NativeEngineInfo(
    string OpenCvVersion, string BuildInformation, string OpenCvSharpVersion, string RuntimeVersion, string PngCompressor);

/// <summary>
/// OpenCV as the engine runs it: loaded once, set up before its first call, and described for the
/// engine fingerprint.
/// </summary>
/// <remarks>
/// OpenCV picks code paths by the CPU at run time: its SIMD dispatch (SSE4, AVX2 with FMA3,
/// AVX-512) and Intel IPP's own dispatch, whose float results differ between paths, and IPP is used
/// or not depending on the thread count (its Gaussian blur declines large kernels on one thread).
/// Outputs must be the same bytes on every CPU and at every thread count (docs/randomness.md), so
/// the engine runs OpenCV's baseline code (x86-64: SSE3) everywhere: IPP is disabled through
/// OPENCV_IPP before OpenCV initialises, and <c>setUseOptimized(false)</c> turns the dispatch off.
/// </remarks>
internal static class OpenCvRuntime
{
    private static readonly Lazy<NativeEngineInfo> Info = new(ReadInfo);
    private static int _configured;

    /// <summary>Loads and configures OpenCV once; every adapter entry point calls this first.</summary>
    internal static void Ensure()
    {
        if (Volatile.Read(ref _configured) != 0)
        {
            return;
        }

        NativeLibraryLoader.EnsureLoaded();
        NativeHeap.KeepFreedBuffers();
        lock (Info)
        {
            if (_configured == 0)
            {
                Guard.Run(() =>
                {
                    Cv2.SetUseOptimized(false);
                    Cv2.SetLogLevel(LogLevel.SILENT);
                });
                Volatile.Write(ref _configured, 1);
            }
        }
    }

    /// <summary>
    /// The variables OpenCV reads as it initialises (called by the loader, before it loads the
    /// library). A value the user set for other programs is replaced: it would change bytes.
    /// </summary>
    internal static void PrepareEnvironment()
    {
        NativeEnvironment.Set("OPENCV_IPP", "disabled");
        // OpenCV's log lines (such as the notice that IPP is off) would reach the terminal as raw
        // stderr; failures come back as exceptions instead. Read when its logger starts.
        NativeEnvironment.Set("OPENCV_LOG_LEVEL", "SILENT");
    }

    internal static NativeEngineInfo ReadEngineInfo() => Info.Value;

    /// <summary>How many threads OpenCV's own parallel loops may use (0: its default).</summary>
    internal static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        Ensure();
        Guard.Run(() => Cv2.SetNumThreads(threads));
    }

    /// <summary>Whether OpenCV runs its baseline code only: for tests.</summary>
    internal static bool UsesOptimizedCode()
    {
        Ensure();
        return Guard.Run(Cv2.UseOptimized);
    }

    private static NativeEngineInfo ReadInfo()
    {
        Ensure();
        var (version, build) = Guard.Run(() => (Cv2.GetVersionString() ?? "unknown", Cv2.GetBuildInformation() ?? string.Empty));
        return new NativeEngineInfo(
            version,
            build + $"\nOPENCV_IPP={Environment.GetEnvironmentVariable("OPENCV_IPP")}\nuseOptimized={Guard.Run(Cv2.UseOptimized)}\n",
            InformationalVersion(typeof(Cv2).Assembly),
            RuntimePackageVersion(),
            PngCompressor);
    }

    /// <summary>Who deflates PNGs: OpenCV's libpng with the zlib its build information names.</summary>
    private const string PngCompressor = "opencv-libpng";

    private static string InformationalVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// The runtime package's version as the build of this assembly restored it (Augment.Core.csproj),
    /// and the size of the library loaded: OpenCV's build information, with its build time and
    /// commits, tells one build of the runtime from another.
    /// </summary>
    private static string RuntimePackageVersion()
    {
        var declared = typeof(OpenCvRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "OpenCvSharpRuntime")?.Value ?? "unknown";
        var path = NativeLibraryLoader.LoadedPath;
        var size = path is not null && File.Exists(path) ? new FileInfo(path).Length : -1;
        return $"{declared}; {Path.GetFileName(path)} {size} bytes";
    }
}
