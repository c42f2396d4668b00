using Augment.Core.Geometry;

namespace Augment.Core.Labels;

/// <summary>
/// Boxes through a resampling run, the very mapping the pixels take (docs/labels.md). A run that is
/// one matrix maps the box's corners and takes their bounds (Albumentations' <c>largest_box</c>); a
/// run with a displacement field maps the box's outline, sampled every quarter pixel, and takes its
/// bounds. Box edges sit half a pixel outside the centres of the pixels they hold.
/// </summary>
public static class BoxGeometry
{
    private const double OutlineStep = 0.25;
    private const int MaxOutlinePoints = 4096; // per side

    public static BoundingBox Map(SpatialRun run, BoundingBox box)
    {
        if (run.IsMatrix)
        {
            var m = run.Forward;
            return Bounds([
                m.Apply(box.XMin - 0.5, box.YMin - 0.5), m.Apply(box.XMax - 0.5, box.YMin - 0.5),
                m.Apply(box.XMin - 0.5, box.YMax - 0.5), m.Apply(box.XMax - 0.5, box.YMax - 0.5)]);
        }

        var points = new List<(double X, double Y)>();
        foreach (var (x0, y0, x1, y1) in new[]
                 {
                     (box.XMin, box.YMin, box.XMax, box.YMin), (box.XMax, box.YMin, box.XMax, box.YMax),
                     (box.XMax, box.YMax, box.XMin, box.YMax), (box.XMin, box.YMax, box.XMin, box.YMin),
                 })
        {
            var length = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0));
            var steps = Math.Clamp((int)Math.Ceiling(length / OutlineStep), 1, MaxOutlinePoints);
            for (var i = 0; i < steps; i++)
            {
                var t = (double)i / steps;
                points.Add(run.MapPoint(x0 + ((x1 - x0) * t) - 0.5, y0 + ((y1 - y0) * t) - 0.5));
            }
        }

        return Bounds(points);
    }

    private static BoundingBox Bounds(IReadOnlyList<(double X, double Y)> centres)
    {
        var (x0, y0, x1, y1) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var (x, y) in centres)
        {
            (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
        }

        return new BoundingBox(x0 + 0.5, y0 + 0.5, x1 + 0.5, y1 + 0.5);
    }
}
