using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Labels;

namespace Augment.Core.Dataset;

/// <summary>
/// The build's COCO file (<c>inputs.coco</c>), read once: which entry is each source's, and the key
/// under which an item's hashes hold that entry's hash (<c>annotations/instances.json#a.jpg</c>). A
/// source matches the image whose <c>file_name</c> is its path relative to its glob's base folder
/// (<c>{dir}/</c> and its file name: what COCO files written beside an images folder hold), or else its
/// path relative to the config's folder. A file that cannot be read or parsed fails every item.
/// </summary>
internal sealed class CocoSource
{
    private readonly Lazy<(CocoIndex? Index, InvalidLabelsException? Error)> _index;

    public CocoSource(AugmentConfig config, FileHashCache? hashes = null)
    {
        RelativePath = config.Labels!.Coco!;
        FullPath = Path.Combine(config.Directory, RelativePath);
        _index = new(() =>
        {
            try
            {
                // Hashed as read, so that the up-to-date stamp knows the file this build used.
                var identity = Platform.NativeFiles.Identity(FullPath);
                var bytes = File.ReadAllBytes(FullPath);
                hashes?.Sha256(FullPath, identity, bytes);
                return (CocoIndex.Parse(new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'), FullPath), null);
            }
            catch (InvalidLabelsException e)
            {
                return (null, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, new InvalidLabelsException(FullPath, 0, File.Exists(FullPath) ? $"cannot read it: {e.Message}" : "the COCO file is missing"));
            }
        });
    }

    public static CocoSource? For(AugmentConfig config, FileHashCache? hashes = null) => config.Labels?.Coco is null ? null : new CocoSource(config, hashes);

    public string RelativePath { get; }

    public string FullPath { get; }

    /// <summary>The parsed file; throws the file's error when it cannot be used.</summary>
    public CocoIndex Index => _index.Value.Index ?? throw _index.Value.Error!;

    public InvalidLabelsException? Error => _index.Value.Error;

    /// <summary>The source's entry, or null when the file lists no image of that name.</summary>
    public CocoEntry? EntryOf(SourceItem source)
    {
        var entries = Index.Entries;
        var inGlob = source.Dir.Length == 0 ? Path.GetFileName(source.Image) : $"{source.Dir}/{Path.GetFileName(source.Image)}";
        return entries.GetValueOrDefault(inGlob) ?? entries.GetValueOrDefault(source.Image);
    }

    /// <summary>The entry a manifest item's <c>source.labels</c> names (<c>coco/instances.json#a.jpg</c>), if the file still lists it.</summary>
    public CocoEntry? EntryNamed(string? sourceLabels) =>
        sourceLabels is { } key && key.StartsWith(RelativePath + "#", StringComparison.Ordinal)
            ? Index.Entries.GetValueOrDefault(key[(RelativePath.Length + 1)..])
            : null;

    /// <summary>The name an item's source hashes give the entry's hash.</summary>
    public string HashKey(CocoEntry entry) => $"{RelativePath}#{entry.FileName}";
}
