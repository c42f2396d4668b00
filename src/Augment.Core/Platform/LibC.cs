using System.Runtime.InteropServices;

namespace Augment.Core.Platform;

/// <summary>
/// The C library's statx(2), link(2), syncfs(2) and mallopt(3), which .NET has no API for: a file's identity is
/// needed before (and, in a no-op build, without) loading OpenCV. statx's layout is the same on every
/// Linux architecture. Linux only: <see cref="NativeFiles"/> falls back elsewhere.
/// </summary>
internal static unsafe partial class LibC
{
    private const string LibraryName = "libc.so.6";

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct Statx
    {
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;
    }

    /// <summary>statx(AT_FDCWD, path, 0, STATX_BASIC_STATS): follows symbolic links, as stat(2) does. Returns errno, 0 on success.</summary>
    internal static int StatPath(string path, out Statx result)
    {
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        var name = length <= 1024 ? stackalloc byte[length] : new byte[length];
        var written = System.Text.Encoding.UTF8.GetBytes(path, name);
        name[written] = 0;
        return StatAt(AtFdCwd, name, out result);
    }

    /// <summary>statx relative to an open folder (or AT_FDCWD); <paramref name="name"/> is null-terminated UTF-8. Returns errno, 0 on success.</summary>
    internal static int StatAt(int folder, ReadOnlySpan<byte> name, out Statx result)
    {
        fixed (byte* path = name)
        fixed (Statx* buffer = &result)
        {
            return StatxCall(folder, path, 0, StatxBasicStats, buffer) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
    }

    /// <summary>A descriptor of the folder (O_RDONLY | O_CLOEXEC; a file in its place fails the stats made relative to it), or -1.</summary>
    internal static int OpenFolder(string path) => Open(path, 0x80000, 0);

    internal static void Close(int descriptor) => CloseCall(descriptor);

    /// <summary>The device number as glibc's makedev composes it (what stat(2) reports as st_dev).</summary>
    internal static ulong MakeDevice(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

    /// <summary>link(2): a hard link at <paramref name="linkPath"/> to <paramref name="existing"/>. Returns errno, 0 on success.</summary>
    internal static int Link(string existing, string linkPath) => LinkCall(existing, linkPath) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>syncfs(2) of the file system that holds <paramref name="path"/>. Returns errno, 0 on success.</summary>
    internal static int SyncFileSystem(string path)
    {
        var descriptor = Open(path, 0x80000, 0);
        if (descriptor < 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        try
        {
            return SyncFsCall(descriptor) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            CloseCall(descriptor);
        }
    }

    /// <summary>mallopt(3): sets one of malloc's parameters; true when the C library took the value.</summary>
    internal static bool SetMallocOption(int option, int value) => MalloptCall(option, value) == 1;

    [LibraryImport(LibraryName, EntryPoint = "mallopt")]
    private static partial int MalloptCall(int option, int value);

    [LibraryImport(LibraryName, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkCall(string existing, string linkPath);

    [LibraryImport(LibraryName, EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFsCall(int descriptor);

    [LibraryImport(LibraryName, EntryPoint = "statx", SetLastError = true)]
    private static partial int StatxCall(int directoryFd, byte* path, int flags, uint mask, Statx* result);

    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport(LibraryName, EntryPoint = "close")]
    private static partial int CloseCall(int descriptor);
}
