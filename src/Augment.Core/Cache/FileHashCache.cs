using System.Security.Cryptography;
using System.Text.Json;
using Augment.Core.OpenCv;
using Augment.Core.Platform;

namespace Augment.Core.Cache;

/// <summary>
/// Content hashes of input files, reused while a file's size, modification time (ns), inode and
/// device are unchanged and the file is older than the record: git's racy-file rule, with the
/// record's own modification time as its clock, so a file changed in the same instant as the last
/// record is hashed again. A fresh checkout (new mtimes) falls back to hashing, never to a wrong hash.
/// Stored as arrays (one per file) read with System.Text.Json's reader, and written only when it
/// changed: a no-op build of 10,000 items reads it and writes nothing.
/// </summary>
public sealed class FileHashCache
{
    private const int FormatVersion = 2;

    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;
    private readonly Dictionary<string, Entry> _used = new(StringComparer.Ordinal);
    private readonly long _recordedAt;
    private readonly Lock _gate = new();
    private bool _changed;

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
            var recordedAt = NativeFiles.Identity(path).ModifiedNanoseconds;
            return new FileHashCache(path, Read(File.ReadAllBytes(path)), recordedAt);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or AugmentNativeException)
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

    /// <summary>The identity of the file as this build read or trusted it (before reading it), if it did.</summary>
    public bool TryUsedIdentity(string fullPath, out FileIdentity identity)
    {
        lock (_gate)
        {
            var used = _used.TryGetValue(fullPath, out var entry);
            identity = used ? new FileIdentity(entry!.Size, entry.Mtime, entry.Inode, entry.Device) : default;
            return used;
        }
    }

    /// <summary>
    /// Writes the record of the files used by this build (others are forgotten), unless it would
    /// hold what the file already holds.
    /// </summary>
    public void Save()
    {
        using var buffer = new MemoryStream();
        lock (_gate)
        {
            if (!_changed && _used.Count == _entries.Count)
            {
                return; // the same files with the same entries: what was read
            }

            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            // One file per line: [path, sha256, size, mtime, inode, device].
            writer.WriteStartArray("files");
            foreach (var (path, entry) in _used.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray();
                writer.WriteStringValue(path);
                writer.WriteStringValue(entry.Sha256);
                writer.WriteNumberValue(entry.Size);
                writer.WriteNumberValue(entry.Mtime);
                writer.WriteNumberValue(entry.Inode);
                writer.WriteNumberValue(entry.Device);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        AtomicFile.Write(_path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private void Remember(string fullPath, FileIdentity identity, string sha)
    {
        lock (_gate)
        {
            FilesHashed++;
            var entry = new Entry(identity.Size, identity.ModifiedNanoseconds, identity.Inode, identity.Device, sha);
            _changed |= !_entries.TryGetValue(fullPath, out var known) || known != entry;
            _used[fullPath] = _entries[fullPath] = entry;
        }
    }

    private static Dictionary<string, Entry> Read(ReadOnlySpan<byte> json)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json);
        var version = 0;
        Next(ref reader);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            switch (reader.GetString())
            {
                case "version":
                    Next(ref reader);
                    version = reader.GetInt32();
                    break;
                case "files":
                    Next(ref reader);
                    while (Next(ref reader) == JsonTokenType.StartArray)
                    {
                        Next(ref reader);
                        var path = reader.GetString() ?? string.Empty;
                        Next(ref reader);
                        var sha = reader.GetString() ?? string.Empty;
                        Next(ref reader);
                        var size = reader.GetInt64();
                        Next(ref reader);
                        var mtime = reader.GetInt64();
                        Next(ref reader);
                        var inode = reader.GetUInt64();
                        Next(ref reader);
                        entries[path] = new Entry(size, mtime, inode, reader.GetUInt64(), sha);
                        Next(ref reader);
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return version == FormatVersion ? entries : throw new InvalidDataException($"input record version {version}");
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("the input record ends early");

    private sealed record Entry(long Size, long Mtime, ulong Inode, ulong Device, string Sha256)
    {
        public bool Matches(FileIdentity id) => Size == id.Size && Mtime == id.ModifiedNanoseconds && Inode == id.Inode && Device == id.Device;
    }
}
