using System.Security.Cryptography;
using Augment.Core.Interop;
using Newtonsoft.Json;

namespace Augment.Core.Cache;

/// <summary>
/// Content hashes of input files, reused while a file's size, modification time (ns), inode and
/// device are unchanged and the file is older than the record: git's racy-file rule, with the
/// record's own modification time as its clock, so a file changed in the same instant as the last
/// record is hashed again. A fresh checkout (new mtimes) falls back to hashing, never to a wrong hash.
/// </summary>
public sealed class FileHashCache
{
    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;
    private readonly Dictionary<string, Entry> _used = new(StringComparer.Ordinal);
    private readonly long _recordedAt;
    private readonly Lock _gate = new();

    private FileHashCache(string path, Dictionary<string, Entry> entries, long recordedAt)
    {
        _path = path;
        _entries = entries;
        _recordedAt = recordedAt;
    }

    /// <summary>How many files this build had to read and hash.</summary>
    public int FilesHashed { get; private set; }

    public static FileHashCache Load(string path)
    {
        try
        {
            var entries = JsonConvert.DeserializeObject<Dictionary<string, Entry>>(File.ReadAllText(path));
            return new FileHashCache(path, new(entries ?? [], StringComparer.Ordinal), NativeFiles.Identity(path).ModifiedNanoseconds);
        }
        catch (Exception e) when (e is IOException or JsonException or AugmentNativeException)
        {
            return new FileHashCache(path, new(StringComparer.Ordinal), 0); // none, or unreadable: hash everything
        }
    }

    /// <summary>The file's SHA-256, from the record when it is safe, else by reading it.</summary>
    public string Sha256(string fullPath)
    {
        var identity = NativeFiles.Identity(fullPath);
        lock (_gate)
        {
            if (_entries.TryGetValue(fullPath, out var known) && known.Matches(identity) && identity.ModifiedNanoseconds < _recordedAt)
            {
                _used[fullPath] = known;
                return known.Sha256;
            }
        }

        using var stream = File.OpenRead(fullPath);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        Remember(fullPath, identity, sha);
        return sha;
    }

    /// <summary>Records the hash of bytes the caller read itself (the same bytes it decodes).</summary>
    public string Sha256(string fullPath, FileIdentity identityBeforeRead, ReadOnlySpan<byte> bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Remember(fullPath, identityBeforeRead, sha);
        return sha;
    }

    /// <summary>Writes the record of the files used by this build (others are forgotten).</summary>
    public void Save()
    {
        string text;
        lock (_gate)
        {
            text = JsonConvert.SerializeObject(new SortedDictionary<string, Entry>(_used, StringComparer.Ordinal));
        }

        AtomicFile.WriteTextIfChanged(_path, text);
    }

    private void Remember(string fullPath, FileIdentity identity, string sha)
    {
        lock (_gate)
        {
            FilesHashed++;
            _used[fullPath] = _entries[fullPath] = new Entry(identity.Size, identity.ModifiedNanoseconds, identity.Inode, identity.Device, sha);
        }
    }

    private sealed record Entry(long Size, long Mtime, ulong Inode, ulong Device, string Sha256)
    {
        public bool Matches(FileIdentity id) => Size == id.Size && Mtime == id.ModifiedNanoseconds && Inode == id.Inode && Device == id.Device;
    }
}
