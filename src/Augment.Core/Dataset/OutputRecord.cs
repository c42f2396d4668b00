using System.Security.Cryptography;
using Augment.Core.Cache;
using Augment.Core.Interop;
using Newtonsoft.Json;

namespace Augment.Core.Dataset;

/// <summary>
/// What the last build left in the output folder: each file's identity and SHA-256. A file whose
/// identity changed is hashed; a different hash means it was edited by hand and is restored.
/// </summary>
public sealed class OutputRecord
{
    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;

    private OutputRecord(string path, Dictionary<string, Entry> entries)
    {
        _path = path;
        _entries = entries;
    }

    public IReadOnlyCollection<string> Files => _entries.Keys;

    public static OutputRecord Load(string path)
    {
        try
        {
            var entries = JsonConvert.DeserializeObject<Dictionary<string, Entry>>(File.ReadAllText(path));
            return new OutputRecord(path, new(entries ?? [], StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return new OutputRecord(path, new(StringComparer.Ordinal));
        }
    }

    /// <summary>True when the file at <paramref name="fullPath"/> holds exactly <paramref name="sha256"/>.</summary>
    public bool Holds(string relative, string fullPath, string sha256)
    {
        FileIdentity identity;
        try
        {
            identity = NativeFiles.Identity(fullPath);
        }
        catch (AugmentNativeException)
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
            _entries[relative] = new Entry(identity, sha256);
        }

        return actual == sha256;
    }

    public void Set(string relative, string fullPath, string sha256) =>
        _entries[relative] = new Entry(NativeFiles.Identity(fullPath), sha256);

    public void Remove(string relative) => _entries.Remove(relative);

    public void Save() =>
        AtomicFile.WriteTextIfChanged(_path, JsonConvert.SerializeObject(new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal)));

    private sealed record Entry(FileIdentity Identity, string Sha256);
}
