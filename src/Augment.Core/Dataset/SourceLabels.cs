using System.Security.Cryptography;
using System.Text;
using Augment.Core.Config;
using Augment.Core.Labels;

namespace Augment.Core.Dataset;

/// <summary>
/// Reads a source's label file for rendering, once for all its variants: the bytes parsed are the
/// bytes the planner hashed (a file that changed since fails the item, as an image does), and a file
/// that is not there is an image with no objects only under <c>inputs.missing_labels: empty</c>.
/// </summary>
internal static class SourceLabels
{
    /// <summary>The source's entry of the COCO file (none, under missing_labels: empty, is an image with no objects).</summary>
    public static ItemLabels FromCoco(AugmentConfig config, CocoSource coco, SourceItem source, int width, int height)
    {
        var settings = config.Labels!.Boxes;
        if (coco.EntryOf(source) is not { } entry)
        {
            return new ItemLabels([], [], settings, config.Labels.Keypoints);
        }

        var (boxes, invalid) = coco.Index.Read(entry, width, height, settings, config.Labels.Keypoints);
        return new ItemLabels(boxes, invalid, settings, config.Labels.Keypoints);
    }

    public static ItemLabels Read(AugmentConfig config, string relative, IReadOnlyDictionary<string, string> expectedSha, int width, int height)
    {
        var settings = config.Labels!;
        var full = Path.Combine(config.Directory, relative);
        if (!expectedSha.TryGetValue(relative, out var expected))
        {
            // The planner found no file (missing_labels: empty).
            return File.Exists(full)
                ? throw new InvalidLabelsException(full, 0, "the file appeared during the build; build again")
                : new ItemLabels([], [], settings.Boxes, settings.Keypoints);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidLabelsException(full, 0, $"cannot read it: {e.Message}");
        }

        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != expected)
        {
            throw new InvalidLabelsException(full, 0, "the file changed during the build; build again");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidLabelsException(full, 0, "the file is not UTF-8 text");
        }

        var (boxes, invalid) = settings.Boxes.LabelFormat.Read(text, full, width, height, settings.Boxes, settings.Keypoints);
        return new ItemLabels(boxes, invalid, settings.Boxes, settings.Keypoints);
    }
}
