using System.Runtime.InteropServices;

namespace Augment.Core.Platform;

/// <summary>
/// How glibc's malloc, which OpenCV's buffers come from, keeps freed memory. By default it maps
/// every block above a threshold (at first 128 KiB, growing as mapped blocks are freed) with mmap(2)
/// and gives the top of the heap back to the kernel once 128 KiB of it is free, so each image-sized
/// buffer of each item is mapped, page-faulted in, zeroed by the kernel and unmapped again. A
/// 256x256 HueSaturationValue spent half its time there. The engine keeps freed blocks up to 32 MiB
/// (mmap threshold) and keeps up to 256 MiB of free heap (trim threshold): the same few buffer sizes
/// come back item after item. Speed only; no byte of an output depends on it.
/// </summary>
internal static unsafe class NativeHeap
{
    /// <summary>mallopt's M_TRIM_THRESHOLD and M_MMAP_THRESHOLD (malloc.h).</summary>
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    internal const int MmapThresholdBytes = 32 << 20; // glibc's largest allowed on 64-bit
    internal const int TrimThresholdBytes = 256 << 20;

    private static int _applied;

    /// <summary>
    /// Sets both thresholds once per process, where the C library is glibc; true when they are set
    /// (now or before), false elsewhere (another C library, another OS), which changes nothing else.
    /// </summary>
    internal static bool KeepFreedBuffers()
    {
        if (Volatile.Read(ref _applied) != 0)
        {
            return _applied > 0;
        }

        var result = Apply() ? 1 : -1;
        Interlocked.CompareExchange(ref _applied, result, 0);
        return _applied > 0;
    }

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux()
            || !NativeLibrary.TryLoad("libc.so.6", out var libc)
            || !NativeLibrary.TryGetExport(libc, "mallopt", out var address))
        {
            return false;
        }

        var mallopt = (delegate* unmanaged<int, int, int>)address;
        return mallopt(MmapThreshold, MmapThresholdBytes) == 1 && mallopt(TrimThreshold, TrimThresholdBytes) == 1;
    }
}
