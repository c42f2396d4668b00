using System.Runtime.InteropServices;

namespace Augment.Core.Interop;

/// <summary>The engine's self-description as the shim reports it.</summary>
internal sealed record NativeEngineInfo(string OpenCvVersion, string BuildInformation, string ShimVersion, string ShimSourceHash);

internal static class NativeEngine
{
    internal static NativeEngineInfo ReadInfo()
    {
        NativeMethods.Check(NativeMethods.EngineInfo(out var version, out var build, out var shim, out var sources));
        return new NativeEngineInfo(Text(version), Text(build), Text(shim), Text(sources));
    }

    /// <summary>How many threads OpenCV's own parallel loops may use (0: its default).</summary>
    internal static void SetThreads(int threads) => NativeMethods.Check(NativeMethods.RuntimeSetThreads(threads));

    private static string Text(nint utf8) => Marshal.PtrToStringUTF8(utf8) ?? string.Empty;
}
