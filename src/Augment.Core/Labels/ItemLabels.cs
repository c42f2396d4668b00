namespace Augment.Core.Labels;

/// <summary>An item's objects as its label file gives them (pixel boxes of the source image), the ones the file already lost, and the settings.</summary>
public sealed record ItemLabels(IReadOnlyList<LabeledBox> Boxes, IReadOnlyList<BoxFate> Invalid, BoxParams Settings, KeypointParams? Keypoints = null);

/// <summary>
/// An item's objects after the pipeline: the boxes kept, in the output image's pixels and the source's
/// order, and the fate of every source box (kept or dropped, and why), in the source's order.
/// </summary>
public sealed record LabelResult(IReadOnlyList<LabeledBox> Kept, IReadOnlyList<BoxFate> Fates);
