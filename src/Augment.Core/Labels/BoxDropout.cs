namespace Augment.Core.Labels;

/// <summary>
/// Boxes under a dropout op's holes (Albumentations' CoarseDropout with boxes): a box a hole
/// touches shrinks to the bounds of its pixels the holes leave visible (its untouched sides keep their
/// sub-pixel edges), and is dropped as <see cref="DropReason.Covered"/> when none is left. A keypoint
/// under a hole stays labelled but becomes hidden (visibility 1, COCO's "labelled, not visible").
/// </summary>
public static class BoxDropout
{
    public static LabeledBox? Apply(LabeledBox box, IReadOnlyList<(int X, int Y, int Width, int Height)> holes, int width, int height)
    {
        var b = box.Box;
        var touching = holes.Where(h => h.X < b.XMax && h.X + h.Width > b.XMin && h.Y < b.YMax && h.Y + h.Height > b.YMin).ToList();
        var keypoints = box.Keypoints?.Select(k => k.Visibility == 2 && holes.Any(h => k.X >= h.X && k.X < h.X + h.Width && k.Y >= h.Y && k.Y < h.Y + h.Height) ? k with { Visibility = 1 } : k).ToList();
        if (touching.Count == 0)
        {
            return keypoints is null ? box : box with { Keypoints = keypoints };
        }

        // The box's pixels: those whose centres it holds.
        var (c0, c1) = (Math.Max(0, (int)Math.Ceiling(b.XMin - 0.5)), Math.Min(width - 1, (int)Math.Ceiling(b.XMax - 0.5) - 1));
        var (r0, r1) = (Math.Max(0, (int)Math.Ceiling(b.YMin - 0.5)), Math.Min(height - 1, (int)Math.Ceiling(b.YMax - 0.5) - 1));
        var (minX, minY, maxX, maxY) = (int.MaxValue, int.MaxValue, -1, -1);
        for (var y = r0; y <= r1; y++)
        {
            for (var x = c0; x <= c1; x++)
            {
                if (!touching.Any(h => x >= h.X && x < h.X + h.Width && y >= h.Y && y < h.Y + h.Height))
                {
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                }
            }
        }

        if (maxX < 0)
        {
            return null;
        }

        var visible = new BoundingBox(
            minX == c0 ? b.XMin : minX, minY == r0 ? b.YMin : minY, maxX == c1 ? b.XMax : maxX + 1, maxY == r1 ? b.YMax : maxY + 1);
        return box with { Box = visible, Keypoints = keypoints };
    }
}
