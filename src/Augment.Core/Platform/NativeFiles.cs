namespace Augment.Core.Platform;

/// <summary>What the stat cache knows a file by: if none of these changed, neither did its content (git's rule).</summary>
public readonly record struct FileIdentity(long Size, long ModifiedNanoseconds, ulong Inode, ulong Device);

/// <summary>
/// A file's identity, hard links and flushing a file system: statx(2), link(2) and syncfs(2) through
/// the C library on Linux (<see cref="LibC"/>). Elsewhere the identity is the size and modification
/// time .NET reports (no inode: a file replaced by one of the same size and time goes unnoticed
/// until its time changes), no hard link is made (the caller copies) and no file system is flushed
/// at once (the caller flushes each file).
/// </summary>
internal static class NativeFiles
{
    /// <summary>The file's identity; an <see cref="IOException"/> naming it when it cannot be stat'ed.</summary>
    public static FileIdentity Identity(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return PortableIdentity(path) ?? throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        var error = LibC.StatPath(path, out var stat);
        return error == 0 ? ToIdentity(stat) : throw new IOException($"{path}: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(error)}");
    }

    /// <summary>The identity, or false when the file cannot be stat'ed (missing): no exception on the no-op path.</summary>
    public static bool TryIdentity(string path, out FileIdentity identity)
    {
        if (!OperatingSystem.IsLinux())
        {
            identity = PortableIdentity(path) ?? default;
            return identity != default;
        }

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
        OperatingSystem.IsLinux() && LibC.Link(existing, linkPath) == 0;

    /// <summary>Flushes every write to the file system that holds <paramref name="path"/>; false where syncfs(2) fails.</summary>
    public static bool TrySyncFileSystem(string path) =>
        OperatingSystem.IsLinux() && LibC.SyncFileSystem(path) == 0;

    /// <summary>Whether identities can be read relative to an open folder (<see cref="TryIdentityAt"/>): Linux only.</summary>
    public static bool HasFolderRelativeIdentity => OperatingSystem.IsLinux();

    private static FileIdentity? PortableIdentity(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        var size = info is FileInfo file ? file.Length : 0;
        var ticks = info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks;
        return new FileIdentity(size, ticks * 100, 0, 0);
    }
}
