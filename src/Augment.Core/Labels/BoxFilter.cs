namespace Augment.Core.Labels;

/// <summary>
/// After a resampling run: each mapped box is clipped to the run's output, and dropped, with its
/// reason, when nothing of it is left or it falls under a <c>bbox_params</c> minimum (Albumentations'
/// <c>filter_bboxes</c>: the clipped box's area, its area as a share of the unclipped box's, its width
/// and height, in output pixels, each with a tolerance of 1e-7). Kept boxes go on clipped.
/// </summary>
public static class BoxFilter
{
    // Albumentations' tolerance: a box at exactly a minimum is kept; one with (almost) no area left is out of frame.
    private const double Epsilon = 1e-7;

    public static BoxFate Check(LabeledBox source, BoundingBox mapped, int width, int height, BoxParams settings, int run)
    {
        var clipped = mapped.ClipTo(width, height);
        var area = clipped.Area;
        var reason = area < Epsilon ? DropReason.OutOfFrame
            : area < settings.MinArea - Epsilon ? DropReason.MinArea
            : area / (mapped.Area + Epsilon) < settings.MinVisibility ? DropReason.MinVisibility
            : clipped.Width < settings.MinWidth - Epsilon ? DropReason.MinWidth
            : clipped.Height < settings.MinHeight - Epsilon ? DropReason.MinHeight
            : null;
        return new BoxFate(source, reason is null ? clipped : null, reason, run);
    }
}
