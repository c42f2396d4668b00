namespace Augment.Core.Interop;

/// <summary>What the stat cache knows a file by: if none of these changed, neither did its content (git's rule).</summary>
public readonly record struct FileIdentity(long Size, long ModifiedNanoseconds, ulong Inode, ulong Device);

/// <summary>
/// stat(2) (through the C library: see <see cref="LibC"/>), link(2) and syncfs(2), which .NET has no
/// API for.
/// </summary>
internal static class NativeFiles
{
    /// <summary>The file's identity; an <see cref="IOException"/> naming it when it cannot be stat'ed.</summary>
    public static FileIdentity Identity(string path)
    {
        var error = LibC.StatPath(path, out var stat);
        return error == 0 ? ToIdentity(stat) : throw new IOException($"{path}: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(error)}");
    }

    /// <summary>The identity, or false when the file cannot be stat'ed (missing): no exception on the no-op path.</summary>
    public static bool TryIdentity(string path, out FileIdentity identity)
    {
        var found = LibC.StatPath(path, out var stat) == 0;
        identity = found ? ToIdentity(stat) : default;
        return found;
    }

    /// <summary>The identity of <paramref name="name"/> (null-terminated UTF-8) in the open folder <paramref name="folder"/>.</summary>
    public static bool TryIdentityAt(int folder, ReadOnlySpan<byte> name, out FileIdentity identity)
    {
        var found = LibC.StatAt(folder, name, out var stat) == 0;
        identity = found ? ToIdentity(stat) : default;
        return found;
    }

    private static FileIdentity ToIdentity(in LibC.Statx stat) => new(
        (long)stat.Size, (stat.MtimeSeconds * 1_000_000_000) + stat.MtimeNanoseconds, stat.Inode, LibC.MakeDevice(stat.DeviceMajor, stat.DeviceMinor));

    /// <summary>Creates a hard link; false where the file system refuses (the caller copies instead).</summary>
    public static bool TryHardLink(string existing, string linkPath) =>
        NativeMethods.FileHardLink(existing, linkPath) == NativeStatus.Ok;

    /// <summary>Flushes every write to the file system that holds <paramref name="path"/>; false where syncfs(2) fails.</summary>
    public static bool TrySyncFileSystem(string path) =>
        NativeMethods.FileSyncFs(path) == NativeStatus.Ok;
}
