namespace Augment.Core.Labels;

/// <summary>
/// What every label format does with a box it has read (Albumentations' preprocessing): a box with a
/// problem, or one that clipping leaves with no area (it lies wholly outside the image), is an error
/// at its line, or dropped as <see cref="DropReason.Invalid"/> under <c>filter_invalid_bboxes</c>;
/// any other box is cut to the image (without <c>clip</c> only rounding is cut) and kept.
/// </summary>
internal static class SourceBoxes
{
    public static void Add(
        LabeledBox box, string? problem, string path, int width, int height, BoxParams settings, List<LabeledBox> kept, List<BoxFate> invalid,
        KeypointParams? keypoints = null)
    {
        var clipped = box.Box.ClipTo(width, height);
        problem ??= clipped.Area <= 0 ? "the box lies wholly outside the image" : null;
        if (keypoints is { RemoveInvisible: true })
        {
            CheckKeypoints(box, path, width, height);
        }
        if (problem is null)
        {
            kept.Add(box with { Box = clipped });
        }
        else if (settings.FilterInvalidBboxes)
        {
            invalid.Add(new BoxFate(box, null, DropReason.Invalid));
        }
        else
        {
            throw new InvalidLabelsException(path, box.Line, problem + " (bbox_params.filter_invalid_bboxes: true drops such boxes)");
        }
    }

    /// <summary>Keypoints are read under remove_invisible only (keypoint_params' default): a labelled one outside the image is an error, as in Albumentations.</summary>
    private static void CheckKeypoints(LabeledBox box, string path, int width, int height)
    {
        for (var k = 0; k < (box.Keypoints?.Count ?? 0); k++)
        {
            var point = box.Keypoints![k];
            if (point.IsLabelled && !point.IsInside(width, height))
            {
                throw new InvalidLabelsException(path, box.Line,
                    FormattableString.Invariant($"keypoint {k} ({point.X}, {point.Y}) of the object is outside the {width}x{height} image (keypoint_params.remove_invisible: false keeps such keypoints)"));
            }
        }
    }
}
