using Augment.Core.Config;
using Augment.Core.Imaging;

namespace Augment.Core.Dataset;

/// <summary>
/// Expands <c>inputs.images</c> into source items and names each one's masks from the
/// <c>inputs.masks</c> templates (and its label file from <c>inputs.labels</c>). A mask that does not exist is the item's problem (it fails with a
/// message naming the file), not the config's. Files the output folder holds are never inputs.
/// </summary>
public static class InputScanner
{
    /// <param name="outputDir">The build's output folder (where -o put it); its files are never inputs.</param>
    /// <param name="folders">When given, receives every folder read (see <see cref="Glob.Expand"/>).</param>
    public static IReadOnlyList<SourceItem> Scan(AugmentConfig config, string? outputDir = null, ICollection<string>? folders = null)
    {
        var root = config.Directory;
        var outputFull = Path.GetFullPath(outputDir ?? Path.Combine(root, config.OutputDir));
        var output = Path.GetRelativePath(root, outputFull).Replace('\\', '/').TrimEnd('/') + "/";
        var items = new Dictionary<string, SourceItem>(StringComparer.Ordinal);
        foreach (var pattern in config.Images)
        {
            var glob = new Glob(pattern);
            foreach (var image in glob.Expand(root, folders, Path.TrimEndingDirectorySeparator(outputFull)))
            {
                if (image.StartsWith(output, StringComparison.Ordinal) || image.Contains("/.augment/", StringComparison.Ordinal) ||
                    ImageFormats.FromExtension(image) is null || items.ContainsKey(image))
                {
                    continue;
                }

                var dir = Path.GetDirectoryName(Path.GetRelativePath(glob.BaseDirectory.Length == 0 ? "." : glob.BaseDirectory, image))?.Replace('\\', '/') ?? string.Empty;
                var values = new TemplateValues(dir, Path.GetFileNameWithoutExtension(image), Path.GetExtension(image), 0);
                var masks = config.Masks.Select(t => t.Render(values)).ToList();
                items[image] = new SourceItem(image, masks, dir, config.Labels?.Input?.Render(values));
            }
        }

        return items.Values.OrderBy(i => i.Image, StringComparer.Ordinal).ToList();
    }
}
