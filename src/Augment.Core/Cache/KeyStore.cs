using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Cache;

/// <summary>
/// What the cache holds for one item key: the objects of its files (image, masks, label file) and its item record, as compact
/// JSON text (a build holds one per item until it writes the manifest; text is a tenth of a JObject).
/// The record is null when a build found the item up to date from the output record alone and did
/// not read it.
/// </summary>
public sealed record KeyRecord(string Image, IReadOnlyList<string> Masks, string? Record, string? Labels = null)
{
    /// <summary>Every object of the item, in the order of <see cref="Dataset.OutputItem.Files"/>.</summary>
    public IReadOnlyList<string> Objects => Labels is null ? [Image, .. Masks] : [Image, .. Masks, Labels];

    /// <summary>The record as a JObject (dates and numbers read back exactly as written).</summary>
    public static JObject ParseRecord(string record)
    {
        using var reader = new JsonTextReader(new StringReader(record)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return JObject.Load(reader);
    }
}

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
        try
        {
            if (TryReadJson(key) is not { } json)
            {
                return null;
            }

            var record = new KeyRecord(
                json.Value<string>("image") ?? string.Empty,
                ((JArray?)json["masks"] ?? []).Select(t => t.Value<string>() ?? string.Empty).ToList(),
                json["record"]?.ToString(Formatting.None) ?? "{}",
                json.Value<string>("labels"));
            return record.Objects.All(_store.Contains) ? record : null;
        }
        catch (InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>Only the item record of a key record (for the manifest), or null when there is none.</summary>
    public JObject? TryReadItemRecord(string key) => TryReadJson(key)?["record"] as JObject;

    /// <summary>Appends the key's record to this build's pack.</summary>
    /// <param name="durable">fsync the pack; a build appends after its objects are synced and syncs the pack with the next group.</param>
    public void Write(string key, KeyRecord record, bool durable = true)
    {
        var json = Encoding.UTF8.GetBytes(ToJson(record));
        if (json.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            throw new ArgumentException("an item record is compact JSON, on one line", nameof(record));
        }

        var prefix = Encoding.ASCII.GetBytes($"{key}\t{Check(json)}\t");
        var line = new byte[prefix.Length + json.Length + 1];
        prefix.CopyTo(line, 0);
        json.CopyTo(line, prefix.Length);
        line[^1] = (byte)'\n';
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

            _written[key] = new Location(key, _packPath!, _packLength + prefix.Length, json.Length);
            _packLength += line.Length;
        }
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

    private static string ToJson(KeyRecord record)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            writer.WriteStartObject();
            writer.WritePropertyName("image");
            writer.WriteValue(record.Image);
            writer.WritePropertyName("masks");
            writer.WriteStartArray();
            foreach (var mask in record.Masks)
            {
                writer.WriteValue(mask);
            }

            writer.WriteEndArray();
            if (record.Labels is not null)
            {
                writer.WritePropertyName("labels");
                writer.WriteValue(record.Labels);
            }

            writer.WritePropertyName("record");
            writer.WriteRawValue(record.Record ?? throw new ArgumentException("a key record is written with its item record", nameof(record)));
            writer.WriteEndObject();
        }

        return text.ToString();
    }

    private static string Check(ReadOnlySpan<byte> json) => Convert.ToHexStringLower(SHA256.HashData(json))[..CheckLength];

    private JObject? TryReadJson(string key)
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
            if (RandomAccess.Read(handle, bytes, location.Offset) != bytes.Length)
            {
                return null;
            }

            return KeyRecord.ParseRecord(Encoding.UTF8.GetString(bytes));
        }
        catch (Exception e) when (e is IOException or JsonException)
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
