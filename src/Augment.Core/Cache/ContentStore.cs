using System.Security.Cryptography;
using Augment.Core.Interop;

namespace Augment.Core.Cache;

/// <summary>
/// Produced files by their SHA-256 (objects/ab/cdef...). The output folder is materialised from it:
/// a hard link where the file system allows, a copy otherwise; either way through a temporary name,
/// so no partial file is ever visible under a final name.
/// </summary>
public sealed class ContentStore
{
    public ContentStore(string root)
    {
        Root = root;
        Directory.CreateDirectory(Path.Combine(root, "objects"));
    }

    public string Root { get; }

    public string PathOf(string sha256) => Path.Combine(Root, "objects", sha256[..2], sha256[2..]);

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Stores the bytes (once) and returns their SHA-256.</summary>
    public string Put(ReadOnlySpan<byte> bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            AtomicFile.Write(path, bytes);
        }

        return sha;
    }

    /// <summary>Makes <paramref name="target"/> hold the object, replacing what was there.</summary>
    public void Materialize(string sha256, string target)
    {
        var source = PathOf(sha256);
        var temp = AtomicFile.TempName(target);
        try
        {
            if (!NativeFiles.TryHardLink(source, temp))
            {
                File.Copy(source, temp);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
    }
}
