namespace Augment.Core.Labels;

/// <summary>Why an item lost a box (the manifest's names).</summary>
public static class DropReason
{
    /// <summary>A source box with zero or negative size, or outside the image without <c>clip</c>, under <c>filter_invalid_bboxes</c>.</summary>
    public const string Invalid = "invalid";

    /// <summary>Nothing of the box is left in the frame.</summary>
    public const string OutOfFrame = "out_of_frame";

    public const string MinArea = "min_area";

    public const string MinVisibility = "min_visibility";

    public const string MinWidth = "min_width";

    public const string MinHeight = "min_height";

    /// <summary>A dropout op's holes hide all of the box.</summary>
    public const string Covered = "covered";
}

/// <summary>
/// What became of one source box in an item: kept (with its output box and keypoints) or dropped,
/// with the reason and the resampling run (1-based; 0 for the source file itself) that dropped it.
/// <see cref="LostKeypoints"/> are the kept object's keypoints that left the frame (remove_invisible),
/// with the run that lost each.
/// </summary>
public sealed record BoxFate(LabeledBox Source, BoundingBox? Output, string? Dropped = null, int Run = 0)
{
    public bool Kept => Dropped is null;

    public IReadOnlyList<Keypoint>? Keypoints { get; init; }

    public IReadOnlyList<(int Keypoint, int Run)> LostKeypoints { get; init; } = [];
}
