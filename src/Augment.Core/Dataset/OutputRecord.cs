using System.Security.Cryptography;
using System.Text.Json;
using Augment.Core.Cache;
using Augment.Core.Platform;

namespace Augment.Core.Dataset;

/// <summary>
/// What the last build left in the output folder (<c>.augment/outputs.json</c>): each file's
/// identity (stat), SHA-256 and the key of the item that produced it, and the same for manifest.json
/// with what it was written from. A file whose identity is unchanged and whose key is the item's
/// current key is up to date without being read; a file whose identity changed is hashed, and a
/// different hash means it was edited by hand and is restored. Written only when it changed, as
/// arrays rather than objects and through System.Text.Json's reader, because a no-op build of
/// 10,000 items reads it (PRODUCT.md section 11).
/// </summary>
public sealed class OutputRecord
{
    private const int FormatVersion = 2;

    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;
    private readonly HashSet<string> _confirmed = new(StringComparer.Ordinal);
    private ManifestEntry? _manifest;
    private bool _dirty;

    private OutputRecord(string path, Dictionary<string, Entry> entries, ManifestEntry? manifest, bool loaded)
    {
        _path = path;
        _entries = entries;
        _manifest = manifest;
        Loaded = loaded;
    }

    public IReadOnlyCollection<string> Files => _entries.Keys;

    /// <summary>False when there was no readable record (a first build, or one by an older version).</summary>
    public bool Loaded { get; }

    public static OutputRecord Load(string path)
    {
        try
        {
            var (entries, manifest) = Read(File.ReadAllBytes(path));
            return new OutputRecord(path, entries, manifest, loaded: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            return new OutputRecord(path, new(StringComparer.Ordinal), null, loaded: false);
        }
    }

    /// <summary>
    /// True when each of <paramref name="files"/> (relative, full path) is what the item of
    /// <paramref name="key"/> produced and is unchanged since: its identity is the recorded one. Reads
    /// no file; the recorded SHA-256s come back in <paramref name="sha256"/>, in order.
    /// </summary>
    public bool IsUpToDate(IReadOnlyList<(string Relative, string Full)> files, string key, out string[] sha256)
    {
        sha256 = new string[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var (relative, full) = files[i];
            if (!_entries.TryGetValue(relative, out var known) || known.Key != key || !NativeFiles.TryIdentity(full, out var identity) || identity != known.Identity)
            {
                return false;
            }

            sha256[i] = known.Sha256;
        }

        lock (_confirmed)
        {
            foreach (var (relative, _) in files)
            {
                _confirmed.Add(relative);
            }
        }

        return true;
    }

    /// <summary>True when the file at <paramref name="fullPath"/> holds exactly <paramref name="sha256"/>.</summary>
    public bool Holds(string relative, string fullPath, string sha256)
    {
        if (!NativeFiles.TryIdentity(fullPath, out var identity))
        {
            return false; // missing
        }

        if (_entries.TryGetValue(relative, out var known) && known.Sha256 == sha256 && known.Identity == identity)
        {
            return true;
        }

        using var stream = File.OpenRead(fullPath);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (actual == sha256)
        {
            Put(relative, new Entry(identity, sha256, known?.Key));
        }

        return actual == sha256;
    }

    /// <summary>The identity the record holds for the output file <paramref name="relative"/> (manifest.json included).</summary>
    public bool TryRecordedIdentity(string relative, out FileIdentity identity)
    {
        var known = relative == Manifest.DatasetManifest.FileName ? _manifest?.Identity : _entries.TryGetValue(relative, out var entry) ? entry.Identity : null;
        identity = known ?? default;
        return known is not null;
    }

    /// <summary>Whether <see cref="IsUpToDate"/> found the file unchanged in this build (its entry needs no update).</summary>
    public bool IsConfirmed(string relative) => _confirmed.Contains(relative);

    public void Set(string relative, string fullPath, string sha256, string? key) =>
        Put(relative, new Entry(NativeFiles.Identity(fullPath), sha256, key));

    public void Remove(string relative) => _dirty |= _entries.Remove(relative);

    /// <summary>
    /// True when manifest.json is the file this record says the last build wrote, from the same
    /// config, tool and engine: then a build that changed no item need not write it.
    /// </summary>
    public bool IsManifestCurrent(string manifestPath, string configSha256, string tool, string engine) =>
        _manifest is { } m && m.ConfigSha256 == configSha256 && m.Tool == tool && m.Engine == engine &&
        NativeFiles.TryIdentity(manifestPath, out var identity) && identity == m.Identity;

    /// <summary>True when manifest.json is the very file the last build wrote (its identity is the recorded one).</summary>
    public bool IsManifestUnmodified(string manifestPath) =>
        _manifest is { } m && NativeFiles.TryIdentity(manifestPath, out var identity) && identity == m.Identity;

    public void SetManifest(string manifestPath, string configSha256, string tool, string engine)
    {
        var entry = new ManifestEntry(NativeFiles.Identity(manifestPath), configSha256, tool, engine);
        if (entry != _manifest)
        {
            (_manifest, _dirty) = (entry, true);
        }
    }

    /// <summary>Writes the record when anything in it changed: a build with nothing to do writes nothing.</summary>
    public void Save()
    {
        if (!_dirty)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            if (_manifest is { } m)
            {
                writer.WriteStartArray("manifest");
                WriteIdentity(writer, m.Identity);
                writer.WriteStringValue(m.ConfigSha256);
                writer.WriteStringValue(m.Tool);
                writer.WriteStringValue(m.Engine);
                writer.WriteEndArray();
            }

            // One file per line: [path, sha256, key, size, mtime, inode, device].
            writer.WriteStartArray("files");
            foreach (var (relative, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray();
                writer.WriteStringValue(relative);
                writer.WriteStringValue(entry.Sha256);
                writer.WriteStringValue(entry.Key);
                WriteIdentity(writer, entry.Identity);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        AtomicFile.Write(_path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        _dirty = false;
    }

    private void Put(string relative, Entry entry)
    {
        lock (_confirmed)
        {
            if (!_entries.TryGetValue(relative, out var known) || known != entry)
            {
                _entries[relative] = entry;
                _dirty = true;
            }
        }
    }

    private static void WriteIdentity(Utf8JsonWriter writer, FileIdentity identity)
    {
        writer.WriteNumberValue(identity.Size);
        writer.WriteNumberValue(identity.ModifiedNanoseconds);
        writer.WriteNumberValue(identity.Inode);
        writer.WriteNumberValue(identity.Device);
    }

    private static (Dictionary<string, Entry>, ManifestEntry?) Read(ReadOnlySpan<byte> json)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        ManifestEntry? manifest = null;
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        var version = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            switch (name)
            {
                case "version":
                    Next(ref reader);
                    version = reader.GetInt32();
                    break;
                case "manifest":
                    Expect(ref reader, JsonTokenType.StartArray);
                    var identity = ReadIdentity(ref reader);
                    manifest = new ManifestEntry(identity, ReadString(ref reader), ReadString(ref reader), ReadString(ref reader));
                    Expect(ref reader, JsonTokenType.EndArray);
                    break;
                case "files":
                    Expect(ref reader, JsonTokenType.StartArray);
                    while (Next(ref reader) == JsonTokenType.StartArray)
                    {
                        var relative = ReadString(ref reader);
                        var sha = ReadString(ref reader);
                        Next(ref reader);
                        var key = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                        entries[relative] = new Entry(ReadIdentity(ref reader), sha, key);
                        Expect(ref reader, JsonTokenType.EndArray);
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return version == FormatVersion ? (entries, manifest) : throw new InvalidDataException($"output record version {version}");
    }

    private static FileIdentity ReadIdentity(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        var size = reader.GetInt64();
        Next(ref reader);
        var mtime = reader.GetInt64();
        Next(ref reader);
        var inode = reader.GetUInt64();
        Next(ref reader);
        return new FileIdentity(size, mtime, inode, reader.GetUInt64());
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.GetString() ?? throw new InvalidDataException("a string is null");
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("the output record ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new InvalidDataException($"the output record has {reader.TokenType} where {type} belongs");
        }
    }

    private sealed record Entry(FileIdentity Identity, string Sha256, string? Key);

    private sealed record ManifestEntry(FileIdentity Identity, string ConfigSha256, string Tool, string Engine);
}
