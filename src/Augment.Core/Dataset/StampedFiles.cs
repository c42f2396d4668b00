using System.Runtime.InteropServices;
using System.Text;
using Augment.Core.Platform;

namespace Augment.Core.Dataset;

/// <summary>
/// Files of an <see cref="UpToDateStamp"/> with the identities they must still have, kept as the stat
/// calls want them: each file's folder once, its name as null-terminated UTF-8 in one block, and a
/// fixed-size entry per file. Checking 40,000 files then costs 40,000 statx calls relative to an
/// open folder, and no string.
/// </summary>
internal sealed class StampedFiles
{
    private readonly string[] _folders;
    private readonly byte[] _names;
    private readonly Entry[] _entries;

    private StampedFiles(string[] folders, byte[] names, Entry[] entries) => (_folders, _names, _entries) = (folders, names, entries);

    public int Count => _entries.Length;

    public static StampedFiles From(IEnumerable<(string FullPath, FileIdentity Identity)> files)
    {
        var folders = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new MemoryStream();
        var entries = new List<Entry>();
        foreach (var (path, identity) in files)
        {
            var folder = Path.GetDirectoryName(path) ?? "/";
            if (!folders.TryGetValue(folder, out var index))
            {
                folders[folder] = index = folders.Count;
            }

            entries.Add(new Entry(index, (int)names.Length, identity));
            names.Write(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
            names.WriteByte(0);
        }

        return new StampedFiles(folders.OrderBy(f => f.Value).Select(f => f.Key).ToArray(), names.ToArray(), entries.ToArray());
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_folders.Length);
        foreach (var folder in _folders)
        {
            writer.Write(folder);
        }

        writer.Write(_names.Length);
        writer.Write(_names);
        writer.Write(_entries.Length);
        writer.Write(MemoryMarshal.AsBytes(_entries.AsSpan()));
    }

    public static StampedFiles Read(BinaryReader reader)
    {
        var folders = new string[ReadCount(reader)];
        for (var i = 0; i < folders.Length; i++)
        {
            folders[i] = reader.ReadString();
        }

        var names = reader.ReadBytes(ReadCount(reader));
        var entries = new Entry[ReadCount(reader)];
        var bytes = MemoryMarshal.AsBytes(entries.AsSpan());
        if (reader.Read(bytes) != bytes.Length || entries.Any(e => (uint)e.Folder >= (uint)folders.Length || (uint)e.Name >= (uint)names.Length))
        {
            throw new EndOfStreamException("the stamp ends early or is damaged");
        }

        return names.Length > 0 && names[^1] != 0 ? throw new EndOfStreamException("the stamp's names are damaged") : new StampedFiles(folders, names, entries);
    }

    /// <summary>
    /// True when every file still has its identity, and, with <paramref name="olderThan"/>, a
    /// modification time before it. Stats in parallel over the cores; stops at the first difference.
    /// </summary>
    public bool AllUnchanged(long olderThan = long.MaxValue)
    {
        if (!NativeFiles.HasFolderRelativeIdentity)
        {
            return AllUnchangedByPath(olderThan);
        }

        var handles = new int[_folders.Length];
        try
        {
            for (var i = 0; i < handles.Length; i++)
            {
                if ((handles[i] = LibC.OpenFolder(_folders[i])) < 0)
                {
                    return false; // gone
                }
            }

            var parts = _entries.Length < 1024 ? 1 : Environment.ProcessorCount;
            var changed = 0;
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            {
                var end = (int)((long)(part + 1) * _entries.Length / parts);
                for (var i = (int)((long)part * _entries.Length / parts); i < end && Volatile.Read(ref changed) == 0; i++)
                {
                    var entry = _entries[i];
                    if (!NativeFiles.TryIdentityAt(handles[entry.Folder], _names.AsSpan(entry.Name), out var now) ||
                        now != entry.Identity || now.ModifiedNanoseconds >= olderThan)
                    {
                        Volatile.Write(ref changed, 1);
                    }
                }
            });
            return changed == 0;
        }
        finally
        {
            foreach (var handle in handles.Where(h => h > 0))
            {
                LibC.Close(handle);
            }
        }
    }

    // Where no folder-relative stat exists: one stat by full path per file.
    private bool AllUnchangedByPath(long olderThan)
    {
        foreach (var entry in _entries)
        {
            var name = _names.AsSpan(entry.Name);
            var path = Path.Combine(_folders[entry.Folder], Encoding.UTF8.GetString(name[..name.IndexOf((byte)0)]));
            if (!NativeFiles.TryIdentity(path, out var now) || now != entry.Identity || now.ModifiedNanoseconds >= olderThan)
            {
                return false;
            }
        }

        return true;
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 ? count : throw new EndOfStreamException("the stamp is damaged");
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Entry(int Folder, int Name, FileIdentity Identity);
}
