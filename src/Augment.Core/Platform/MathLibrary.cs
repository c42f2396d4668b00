using System.Runtime.InteropServices;

namespace Augment.Core.Platform;

/// <summary>
/// Which C maths library computes <c>exp</c>, <c>log</c>, <c>pow</c> and the trigonometric functions:
/// .NET's <see cref="Math"/> calls it, and so does OpenCV (Gaussian kernels). Their last bit is not
/// specified: it can differ between C libraries, between glibc versions, and within one glibc between
/// the variants it picks by the CPU (x86-64: an FMA variant where FMA and AVX2 are usable, an FMA4 one,
/// a plain SSE2 one). So the engine fingerprint names all three (docs/randomness.md).
/// </summary>
internal static partial class MathLibrary
{
    /// <summary>"glibc 2.36; x86-64 variant fma" and the like.</summary>
    public static string Describe()
    {
        var library = OperatingSystem.IsLinux() && GlibcVersion() is { } glibc ? $"glibc {glibc}" : RuntimeInformation.OSDescription;
        return $"{library}; {RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()} variant {Variant()}";
    }

    // glibc's ifunc choice for exp, log, pow, sin and cos on x86-64 (sysdeps/x86_64/fpu/multiarch):
    // read from the CPU flags the kernel reports, not from .NET's view, which DOTNET_Enable* lowers.
    private static string Variant()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return "default";
        }

        var flags = CpuFlags();
        if (flags is null)
        {
            return System.Runtime.Intrinsics.X86.Fma.IsSupported && System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "fma" : "unknown";
        }

        return flags.Contains("fma") && flags.Contains("avx2") ? "fma" : flags.Contains("fma4") ? "fma4" : "sse2";
    }

    private static HashSet<string>? CpuFlags()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
            return line is null ? null : [.. line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? GlibcVersion()
    {
        try
        {
            return Marshal.PtrToStringUTF8(GnuGetLibcVersion());
        }
        catch (EntryPointNotFoundException)
        {
            return null; // another C library (musl)
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "gnu_get_libc_version")]
    private static partial nint GnuGetLibcVersion();
}
