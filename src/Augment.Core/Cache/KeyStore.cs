using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Cache;

/// <summary>
/// Key records beside the content store's objects: a key whose record and objects are present is
/// materialised without rendering. Each build that renders appends its records to a pack of its own
/// (<c>keys/*.pack</c>), one line per key, after the objects they name are durable, so a record
/// never names an object that is not there. A file per record cost an inode per item, which on
/// ext4 costs more than encoding a small JPEG. Packs are read (all of them, once, on the first
/// lookup of a key this build did not write) into an index of where each record is; a line that is
/// incomplete or does not match its check (a build killed while writing it) is skipped, which only
/// means that its item renders again. Builds sharing a cache never write to one file.
/// </summary>
public sealed class KeyStore : IDisposable
{
    private const string Extension = ".pack";
    private const int CheckLength = 16; // hex digits of the SHA-256 of the line's JSON

    private readonly ContentStore _store;
    private readonly Lazy<Dictionary<string, Location>> _index;
    private readonly Dictionary<string, Location> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SafeFileHandle?> _readers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private SafeFileHandle? _pack;
    private string? _packPath;
    private long _packLength;

    public KeyStore(ContentStore store)
    {
        _store = store;
        _index = new Lazy<Dictionary<string, Location>>(LoadIndex);
    }

    public ContentStore Store => _store;

    private string Folder => Path.Combine(_store.Root, "keys");

    public KeyRecord? TryRead(string key)
    {
        var record = TryReadJson(key) is { } json ? KeyRecord.FromJson(json) : null;
        return record is not null && record.Objects.All(_store.Contains) ? record : null;
    }

    /// <summary>The key record's JSON as stored (a pack line without its key and check), or null when there is none.</summary>
    public byte[]? TryReadBytes(string key) => TryReadRaw(key);

    /// <summary>Only the item record of a key record (for the manifest), or null when there is none.</summary>
    public JObject? TryReadItemRecord(string key) => TryReadJson(key)?["record"] as JObject;

    /// <summary>Appends the key's record to this build's pack.</summary>
    /// <param name="durable">fsync the pack; a build appends after its objects are synced and syncs the pack with the next group.</param>
    public void Write(string key, KeyRecord record, bool durable = true)
    {
        var json = Encoding.UTF8.GetBytes(record.ToJson());
        if (json.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            throw new ArgumentException("an item record is compact JSON, on one line", nameof(record));
        }

        var line = PackLine(key, json);
        var prefixLength = line.Length - json.Length - 1;
        lock (_gate)
        {
            if (_pack is null)
            {
                Directory.CreateDirectory(Folder);
                _packPath = Path.Combine(Folder, $"{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(16, lowercase: true)}{Extension}");
                _pack = File.OpenHandle(_packPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
            }

            RandomAccess.Write(_pack, line, _packLength);
            if (durable)
            {
                RandomAccess.FlushToDisk(_pack);
            }

            _written[key] = new Location(key, _packPath!, _packLength + prefixLength, json.Length);
            _packLength += line.Length;
        }
    }

    /// <summary>
    /// Adds a pack read from elsewhere (a shard's, from a shared cache; its bytes already checked
    /// against their hash) as a pack of this cache, <c>keys/shared-&lt;sha256&gt;.pack</c>, and indexes its
    /// lines: its records are found like any other once their objects are here. Returns how many.
    /// </summary>
    public int Import(byte[] pack, string sha256)
    {
        var path = Path.Combine(Folder, $"shared-{sha256}{Extension}");
        if (!File.Exists(path))
        {
            AtomicFile.Write(path, pack, durable: false); // synced with the objects it names, before they are used
        }

        var lines = Lines(path, pack);
        lock (_gate)
        {
            foreach (var line in lines)
            {
                if (!_written.ContainsKey(line.Key))
                {
                    _index.Value.TryAdd(line.Key, line);
                }
            }
        }

        return lines.Count;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _pack?.Dispose();
            _pack = null;
            foreach (var reader in _readers.Values)
            {
                reader?.Dispose();
            }

            _readers.Clear();
        }
    }

    private static string Check(ReadOnlySpan<byte> json) => Convert.ToHexStringLower(SHA256.HashData(json))[..CheckLength];

    private JObject? TryReadJson(string key)
    {
        try
        {
            return TryReadRaw(key) is { } bytes ? KeyRecord.ParseRecord(Encoding.UTF8.GetString(bytes)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private byte[]? TryReadRaw(string key)
    {
        Location? location;
        SafeFileHandle? handle;
        lock (_gate)
        {
            if (!_written.TryGetValue(key, out location) && !_index.Value.TryGetValue(key, out location))
            {
                return null;
            }

            handle = location.Pack == _packPath ? _pack : Reader(location.Pack);
        }

        if (handle is null)
        {
            return null;
        }

        try
        {
            var bytes = new byte[location.Length];
            return RandomAccess.Read(handle, bytes, location.Offset) == bytes.Length ? bytes : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Under _gate. Null (remembered) when the pack cannot be opened: its records are not there.
    private SafeFileHandle? Reader(string pack)
    {
        if (!_readers.TryGetValue(pack, out var handle))
        {
            try
            {
                handle = File.OpenHandle(pack, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                handle = null;
            }

            _readers[pack] = handle;
        }

        return handle;
    }

    private Dictionary<string, Location> LoadIndex()
    {
        var index = new Dictionary<string, Location>(StringComparer.Ordinal);
        if (!Directory.Exists(Folder))
        {
            return index;
        }

        foreach (var pack in Directory.EnumerateFiles(Folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(pack);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var line in Lines(pack, bytes))
            {
                index.TryAdd(line.Key, line);
            }
        }

        return index;
    }

    /// <summary>One pack line: the key, the check of its record's JSON, the JSON (what <see cref="Write"/> appends).</summary>
    public static byte[] PackLine(string key, ReadOnlySpan<byte> json)
    {
        var prefix = Encoding.ASCII.GetBytes($"{key}\t{Check(json)}\t");
        var line = new byte[prefix.Length + json.Length + 1];
        prefix.CopyTo(line, 0);
        json.CopyTo(line.AsSpan(prefix.Length));
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>The records of a pack read from elsewhere (a shard's, from a shared cache): each complete line whose check holds.</summary>
    public static IEnumerable<(string Key, ReadOnlyMemory<byte> Json)> ReadPack(byte[] bytes) =>
        Lines(string.Empty, bytes).Select(l => (l.Key, (ReadOnlyMemory<byte>)bytes.AsMemory((int)l.Offset, l.Length)));

    /// <summary>The complete lines of a pack whose check holds: key, and where its JSON is.</summary>
    private static List<Location> Lines(string pack, byte[] bytes)
    {
        var lines = new List<Location>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                break; // the last line of a build that was killed while writing it
            }

            var line = bytes.AsSpan(start, end - start);
            var tab = line.IndexOf((byte)'\t');
            if (tab > 0 && line.Length > tab + CheckLength + 2 && line[tab + 1 + CheckLength] == (byte)'\t')
            {
                var json = line[(tab + CheckLength + 2)..];
                if (Encoding.ASCII.GetString(line.Slice(tab + 1, CheckLength)) == Check(json))
                {
                    lines.Add(new Location(Encoding.ASCII.GetString(line[..tab]), pack, start + tab + CheckLength + 2, json.Length));
                }
            }

            start = end + 1;
        }

        return lines;
    }

    // A class, not a struct: generic collections of a reference type share code that is compiled
    // ahead of time; one of this assembly's structs would have the JIT compile them in every build.
    private sealed record Location(string Key, string Pack, long Offset, int Length);
}
