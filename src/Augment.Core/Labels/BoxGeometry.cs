using Augment.Core.Geometry;
using Augment.Core.OpenCv;

namespace Augment.Core.Labels;

/// <summary>
/// Boxes through a resampling run, the very mapping the pixels take (docs/labels.md). A run that is
/// one matrix maps the box's corners and takes their bounds (Albumentations' <c>largest_box</c>), or,
/// when a step of it asks for <c>rotate_method: ellipse</c>, 360 points of its inscribed ellipse. A
/// run with a displacement field takes the bounds of two things: the box's outline, sampled every
/// quarter pixel and carried forward by inverting the field (points whose inversion does not converge
/// are left out), and the output pixels whose sample in the run's per-pixel map falls inside the box.
/// The second catches what a folding field repeats elsewhere, which no single inverse finds. Box edges
/// sit half a pixel outside the centres of the pixels they hold.
/// </summary>
public static class BoxGeometry
{
    private const double OutlineStep = 0.25;
    private const int MaxOutlinePoints = 4096; // per side

    /// <summary>One box; for a run with a field, from its outline only (no map at hand).</summary>
    public static BoundingBox Map(SpatialRun run, BoundingBox box) => MapAll(run, [box], null)[0];

    internal static BoundingBox[] MapAll(SpatialRun run, IReadOnlyList<BoundingBox> boxes, NativeMap? map)
    {
        if (run.IsMatrix)
        {
            var m = run.Forward;
            return boxes.Select(box => (run.EllipseBoxes ? Bounds(Ellipse(box).Select(p => m.Apply(p.X, p.Y)).ToList()) : Bounds([
                m.Apply(box.XMin - 0.5, box.YMin - 0.5), m.Apply(box.XMax - 0.5, box.YMin - 0.5),
                m.Apply(box.XMin - 0.5, box.YMax - 0.5), m.Apply(box.XMax - 0.5, box.YMax - 0.5)])) ?? box).ToArray();
        }

        var sampled = map?.SampledBounds(boxes);
        var result = new BoundingBox[boxes.Count];
        for (var b = 0; b < boxes.Count; b++)
        {
            var outline = Bounds(Outline(run, boxes[b]));
            result[b] = (outline, sampled?[b]) switch
            {
                ({ } o, { } s) => new BoundingBox(Math.Min(o.XMin, s.XMin), Math.Min(o.YMin, s.YMin), Math.Max(o.XMax, s.XMax), Math.Max(o.YMax, s.YMax)),
                ({ } o, null) => o,
                (null, { } s) => s,
                _ => new BoundingBox(-1, -1, -1, -1), // nothing of it reaches the output: out of frame
            };
        }

        return result;
    }

    // Albumentations' ellipse: 360 points, one per degree, on the ellipse inscribed in the box
    // (x = cx + w/2 sin a, y = cy + h/2 cos a), in the centre coordinates the matrices map.
    private static IEnumerable<(double X, double Y)> Ellipse(BoundingBox box)
    {
        var (cx, cy) = (((box.XMin + box.XMax) / 2) - 0.5, ((box.YMin + box.YMax) / 2) - 0.5);
        for (var degree = 0; degree < 360; degree++)
        {
            yield return (cx + (box.Width / 2 * UnitCircle[degree].Sin), cy + (box.Height / 2 * UnitCircle[degree].Cos));
        }
    }

    private static readonly (double Sin, double Cos)[] UnitCircle =
        Enumerable.Range(0, 360).Select(d => (Math.Sin(d * Math.PI / 180), Math.Cos(d * Math.PI / 180))).ToArray();

    private static List<(double X, double Y)> Outline(SpatialRun run, BoundingBox box)
    {
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
                var (point, converged) = run.TryMapPoint(x0 + ((x1 - x0) * t) - 0.5, y0 + ((y1 - y0) * t) - 0.5);
                if (converged)
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    private static BoundingBox? Bounds(IReadOnlyList<(double X, double Y)> centres)
    {
        if (centres.Count == 0)
        {
            return null;
        }

        var (x0, y0, x1, y1) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var (x, y) in centres)
        {
            (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
        }

        return new BoundingBox(x0 + 0.5, y0 + 0.5, x1 + 0.5, y1 + 0.5);
    }
}
