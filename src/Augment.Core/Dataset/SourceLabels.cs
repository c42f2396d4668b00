using System.Security.Cryptography;
using System.Text;
using Augment.Core.Config;
using Augment.Core.Labels;

namespace Augment.Core.Dataset;

/// <summary>
/// Reads a source's label file for rendering, once for all its variants: the bytes parsed are the
/// bytes the planner hashed (a file that changed since fails the item, as an image does), and a file
/// that is not there is an image with no objects only under <c>inputs.missing_labels: empty</c>.
/// Preview and verify read through <see cref="ReadUnhashed"/> and <see cref="FromCoco"/>, the same
/// parsing without a planner's hashes.
/// </summary>
internal static class SourceLabels
{
    /// <summary>A COCO entry's objects (no entry, under missing_labels: empty, is an image with no objects).</summary>
    public static ItemLabels FromCoco(AugmentConfig config, CocoSource coco, CocoEntry? entry, int width, int height)
    {
        if (entry is null)
        {
            return None(config);
        }

        var (boxes, invalid) = coco.Index.Read(entry, width, height, config.Labels!.Boxes, config.Labels.Keypoints);
        return new ItemLabels(boxes, invalid, config.Labels.Boxes, config.Labels.Keypoints);
    }

    /// <summary>A label file's objects as it is now (no file, under missing_labels: empty, is an image with no objects).</summary>
    public static ItemLabels ReadUnhashed(AugmentConfig config, string relative, int width, int height)
    {
        var full = Path.Combine(config.Directory, relative);
        return !File.Exists(full) && config.Labels!.MissingIsEmpty ? None(config) : Parse(config, File.ReadAllBytes(full), full, width, height);
    }

    public static ItemLabels Read(AugmentConfig config, string relative, IReadOnlyDictionary<string, string> expectedSha, int width, int height)
    {
        var full = Path.Combine(config.Directory, relative);
        if (!expectedSha.TryGetValue(relative, out var expected))
        {
            // The planner found no file (missing_labels: empty).
            return File.Exists(full)
                ? throw new InvalidLabelsException(full, 0, "the file appeared during the build; build again")
                : None(config);
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

        return Parse(config, bytes, full, width, height);
    }

    private static ItemLabels None(AugmentConfig config) => new([], [], config.Labels!.Boxes, config.Labels.Keypoints);

    private static ItemLabels Parse(AugmentConfig config, byte[] bytes, string full, int width, int height)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidLabelsException(full, 0, "the file is not UTF-8 text");
        }

        var settings = config.Labels!;
        var (boxes, invalid) = settings.Boxes.LabelFormat.Read(text, full, width, height, settings.Boxes, settings.Keypoints);
        return new ItemLabels(boxes, invalid, settings.Boxes, settings.Keypoints);
    }
}
