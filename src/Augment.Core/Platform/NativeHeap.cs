namespace Augment.Core.Platform;

/// <summary>
/// How glibc's malloc, which OpenCV's buffers come from, keeps freed memory. By default it maps
/// every block above a threshold (at first 128 KiB, growing as mapped blocks are freed) with mmap(2)
/// and gives the top of the heap back to the kernel once 128 KiB of it is free, so each image-sized
/// buffer of each item is mapped, page-faulted in, zeroed by the kernel and unmapped again. A
/// 256x256 HueSaturationValue spent up to half its time there. The engine keeps freed blocks up to
/// 32 MiB (mmap threshold) and keeps up to 256 MiB of free heap (trim threshold): the same few buffer
/// sizes come back item after item. Speed only; no byte of an output depends on it.
/// </summary>
internal static class NativeHeap
{
    /// <summary>mallopt's M_TRIM_THRESHOLD and M_MMAP_THRESHOLD (malloc.h).</summary>
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    private const int MmapThresholdBytes = 32 << 20; // glibc's largest allowed on 64-bit
    private const int TrimThresholdBytes = 256 << 20;

    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>
    /// Sets both thresholds once per process, where the C library is glibc; true when they are set
    /// (now or before), false elsewhere (another C library, another OS), which changes nothing else.
    /// </summary>
    internal static bool KeepFreedBuffers() => Applied.Value;

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return LibC.SetMallocOption(MmapThreshold, MmapThresholdBytes) && LibC.SetMallocOption(TrimThreshold, TrimThresholdBytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // a C library without libc.so.6 or mallopt (musl)
        }
    }
}
