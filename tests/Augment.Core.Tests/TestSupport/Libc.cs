using System.Runtime.InteropServices;

namespace Augment.Core.Tests.TestSupport;

/// <summary>The few libc calls the stderr capture needs (.NET maps "libc" to libc.so.6 on Linux).</summary>
internal static unsafe partial class Libc
{
    public const int StandardError = 2;

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* data, nint count);

    /// <summary>fflush(NULL) flushes every C stdio output stream.</summary>
    [LibraryImport("libc", EntryPoint = "fflush", SetLastError = true)]
    public static partial int FlushAll(nint stream);

    public static void WriteAll(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* data = bytes)
        {
            ThrowIfFailed((int)Write(fd, data, bytes.Length), "write");
        }
    }

    public static int ThrowIfFailed(int result, string call) =>
        result >= 0 ? result : throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
}
