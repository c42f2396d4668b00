namespace Augment.Core.Interop;

/// <summary>What the stat cache knows a file by: if none of these changed, neither did its content (git's rule).</summary>
public readonly record struct FileIdentity(long Size, long ModifiedNanoseconds, ulong Inode, ulong Device);

/// <summary>stat(2), link(2) and syncfs(2), which .NET has no API for.</summary>
internal static class NativeFiles
{
    public static FileIdentity Identity(string path)
    {
        NativeMethods.Check(NativeMethods.FileIdentityRead(path, out var id), path);
        return new FileIdentity(id.Size, (id.MtimeSeconds * 1_000_000_000) + id.MtimeNanoseconds, id.Inode, id.Device);
    }

    /// <summary>The identity, or false when the file cannot be stat'ed (missing): no exception on the no-op path.</summary>
    public static bool TryIdentity(string path, out FileIdentity identity)
    {
        if (NativeMethods.FileIdentityRead(path, out var id) != NativeStatus.Ok)
        {
            identity = default;
            return false;
        }

        identity = new FileIdentity(id.Size, (id.MtimeSeconds * 1_000_000_000) + id.MtimeNanoseconds, id.Inode, id.Device);
        return true;
    }

    /// <summary>Creates a hard link; false where the file system refuses (the caller copies instead).</summary>
    public static bool TryHardLink(string existing, string linkPath) =>
        NativeMethods.FileHardLink(existing, linkPath) == NativeStatus.Ok;

    /// <summary>Flushes every write to the file system that holds <paramref name="path"/>; false where syncfs(2) fails.</summary>
    public static bool TrySyncFileSystem(string path) =>
        NativeMethods.FileSyncFs(path) == NativeStatus.Ok;
}
