using System.Security.Cryptography;
using Augment.Core.Platform;

namespace Augment.Core.Cache;

/// <summary>
/// Produced files by their SHA-256 (objects/ab/cdef...). The output folder is materialised from it:
/// a hard link where the file system allows, a copy otherwise; either way through a temporary name,
/// so no partial file is ever visible under a final name.
/// </summary>
public sealed class ContentStore
{
    public ContentStore(string root) => Root = root;

    public string Root { get; }

    public string PathOf(string sha256) => Path.Combine(Root, "objects", sha256[..2], sha256[2..]);

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Stores the bytes (once) and returns their SHA-256.</summary>
    /// <param name="durable">fsync the object; false when a <see cref="DurableBatch{T}"/> syncs it with others.</param>
    public string Put(ReadOnlySpan<byte> bytes, bool durable = true)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = PathOf(sha);
        // An existing object is kept only when it still holds its bytes: an output edited in place
        // through its hard link changes the object too.
        if (!IsIntact(sha))
        {
            AtomicFile.Write(path, bytes, durable);
        }

        return sha;
    }

    /// <summary>Stores bytes whose SHA-256 the caller has just checked to be <paramref name="sha256"/> (an object from a shared cache).</summary>
    public void PutChecked(ReadOnlySpan<byte> bytes, string sha256, bool durable)
    {
        if (!IsIntact(sha256))
        {
            AtomicFile.Write(PathOf(sha256), bytes, durable);
        }
    }

    /// <summary>True when the object exists and still hashes to its name.</summary>
    public bool IsIntact(string sha256)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == sha256;
    }

    /// <summary>Makes <paramref name="target"/> hold the object, replacing what was there.</summary>
    public void Materialize(string sha256, string target)
    {
        var source = PathOf(sha256);
        // Where nothing has the name yet, one link(2) puts the whole object there at once.
        if (!File.Exists(target) && NativeFiles.TryHardLink(source, target))
        {
            return;
        }

        var temp = AtomicFile.TempName(target);
        try
        {
            if (!NativeFiles.TryHardLink(source, temp))
            {
                File.Copy(source, temp);
            }

            File.Move(temp, target, overwrite: true);
            // rename(2) does nothing when both names are links to one file (the target already was
            // this object): the temporary name is then still there.
            AtomicFile.TryDelete(temp);
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
    }
}
