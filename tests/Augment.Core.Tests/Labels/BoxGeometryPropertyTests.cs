using System.Globalization;
using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Pipeline;
using Augment.Core.Tests.Pipeline;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

using static Augment.Core.Tests.Labels.SpatialOpGen;

namespace Augment.Core.Tests.Labels;

/// <summary>
/// Boxes against the pixels they stand for (acceptance point 1 of the labels issue): synthetic images
/// of filled axis-aligned rectangles, each one gray value on a 0 background, rendered through random
/// pipelines with nearest interpolation and a constant 0 border, so that every output pixel of a
/// rectangle's value is the rectangle's and nothing else is. Each kept box is compared with the
/// pixel-edge bounds of its object's output pixels.
/// </summary>
public sealed class BoxGeometryPropertyTests(ITestOutputHelper output)
{
    private const string ItemPath = "images/boxes.png";

    // Object pixels are exact and box edges continuous: a pixel whose centre is inside the mapped outline
    // reaches at most half a pixel past it, and at a right-angled corner some centre inside lies under
    // 1.5 px past the tip along either axis, its pixel's edge half a pixel before it: each side agrees
    // within 1 px (see the grid's allowance in Run for corners that are not right angles).
    private const double Tolerance = 1;

    private const double FieldCoverage = 0.98;

    private const int MatrixCases = 400;

    private const int FieldCases = 64;

    private static readonly BoxParams Settings = new("yolo", Clip: true);

    private static readonly int[] Values = [80, 160, 240];

    [Fact]
    public void Matrix_pipelines_put_each_kept_box_within_one_pixel_of_its_objects_pixels()
    {
        var (cases, compared, turned, beyond) = (0, 0, 0, 0);
        var property = Prop.ForAll(Arb.From(MatrixCaseGen(), Shrink), c =>
        {
            var outcome = Run(c, fields: false);
            (cases, compared, turned, beyond) = (cases + 1, compared + outcome.Compared, turned + outcome.TurnedStrict, beyond + outcome.BeyondOnePixel);
            if (outcome.Failures.Count > 0)
            {
                throw new InvalidOperationException($"{c}\n{string.Join('\n', outcome.Failures)}");
            }
        });

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(MatrixCases).WithReplay(Fixed(20260413UL)), property);
        output.WriteLine($"{cases} pipelines, {compared} boxes compared ({turned} of turned objects, unclipped, to the plain 1 px), {beyond} box sides over 1 px past the pixels, where the grid cannot show the object further");
        // Not vacuous: most boxes are compared (the others leave the frame or keep no pixel).
        Assert.True(compared >= MatrixCases, $"only {compared} boxes were compared");
    }

    [Fact]
    public void Displacement_fields_keep_at_least_98_percent_of_each_objects_pixels_inside_its_box()
    {
        // A fixed set of cases: FsCheck's generator from one seed.
        var cases = Gen.Sample(FieldCaseGen(), FieldCases, new Rnd(20260412UL, 0x9E3779B97F4A7C15UL), 30);
        var failures = new List<string>();
        var compared = 0;
        foreach (var c in cases)
        {
            var outcome = Run(c, fields: true);
            compared += outcome.Compared;
            if (outcome.Failures.Count > 0)
            {
                failures.Add($"{c}\n{string.Join('\n', outcome.Failures)}");
            }
        }

        output.WriteLine($"{cases.Length} pipelines, {compared} boxes compared");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} cases failed:\n{string.Join("\n\n", failures)}");
        Assert.True(compared >= FieldCases, $"only {compared} boxes were compared");
    }

    private sealed record Outcome(int Compared, int TurnedStrict, int BeyondOnePixel, List<string> Failures);

    private static Outcome Run(BoxCase c, bool fields)
    {
        var config = PipelineTestKit.Config(c.Yaml);
        using var image = c.Draw();
        var boxes = c.Rects.Select((r, i) => new LabeledBox(i, i.ToString(CultureInfo.InvariantCulture), r.Box, i + 1)).ToList();
        var records = PipelineTestKit.Sample(config.Pipeline, image, ItemPath, c.Variant);
        using var result = PipelineRenderer.Render(config.Pipeline, records, image, [], 0, new ItemLabels(boxes, [], Settings));
        var (width, height) = (result.Image.Width, result.Image.Height);
        var objects = FindObjects(result.Image);
        var labels = result.Labels!;
        var failures = new List<string>();
        var (compared, turnedStrict, beyondOnePixel) = (0, 0, 0);
        var hasField = PipelineTestKit.HasDisplacementField(config.Pipeline, records, ImageInfo.Of(image));
        var mapping = hasField ? default : PipelineTestKit.ForwardMapping(config.Pipeline, records, ImageInfo.Of(image));
        if (!hasField && mapping.Size != new ImageSize(width, height))
        {
            failures.Add($"the composed mapping makes {mapping.Size}, the render {width}x{height}");
        }

        foreach (var fate in labels.Fates)
        {
            var index = fate.Source.Index;
            var pixels = objects[index];
            var name = $"rect {index} {c.Rects[index]} -> output {width}x{height}";
            if (!fate.Kept)
            {
                // Nothing is left of a box dropped out of frame, but a sliver of rounding.
                if (fate.Dropped != DropReason.OutOfFrame)
                {
                    failures.Add($"{name}: dropped '{fate.Dropped}' with every minimum 0");
                }
                else if (pixels.Count > 0 && pixels.Bounds.Width > 1 && pixels.Bounds.Height > 1)
                {
                    failures.Add($"{name}: dropped out of frame, yet {pixels.Count} object pixels in {Show(pixels.Bounds)} are left");
                }

                continue;
            }

            var box = labels.Kept.Single(k => k.Index == index).Box;
            if (pixels.Count == 0)
            {
                continue; // kept as a sliver of the frame that holds no pixel centre
            }

            if (fields)
            {
                compared++;
                var held = pixels.Held(box);
                if (held < FieldCoverage * pixels.Count)
                {
                    failures.Add($"{name}: box {Show(box)} holds {held} of {pixels.Count} object pixels ({100.0 * held / pixels.Count:F1}%), object bounds {Show(pixels.Bounds)}");
                }

                continue;
            }

            // The same box from the ops' own matrices composed here (PipelineTestKit.ForwardMapping):
            // the corners of the pixel-edge box, half a pixel off the centres the matrices map.
            var quad = Corners(c.Rects[index].Box).Select(p => mapping.Forward.Apply(p.X - 0.5, p.Y - 0.5)).Select(p => (p.X + 0.5, p.Y + 0.5)).ToArray();
            var largest = Bounds(quad).ClipTo(width, height);
            if (Distance(largest, box) > 1e-6)
            {
                failures.Add($"{name}: box {Show(box)}, but the composed matrix gives {Show(largest)}");
            }

            // Where the pixel grid cannot show the object as far as its box. The box is the bounds of the
            // mapped outline (clipped: those bounds cut to the frame, Albumentations' largest_box), but a
            // nearest warp shows only the pixels whose centres fall inside the outline. At a right-angled
            // corner such a centre is always within a pixel of the box's side: the plain 1 px above. Not at
            // an acute corner (a turned object then resized unevenly, a shear, a perspective: 1.2-2 px seen),
            // nor where the frame cuts a turned object (a corner outside the frame still sets the box's side,
            // and a sliver along the frame's edge holds centres along part of its length only: 29 px seen).
            // There, and only there, the object's pixels must reach as far as the pixel centres inside the
            // outline do, no less: those are computed here from the quadrilateral, not the renderer, taking
            // only centres at least the warp's rounding (1e-3 px) inside.
            if (CentresInside(quad, width, height, -1e-3) is not { } lattice)
            {
                continue; // no pixel centre is clearly inside: the object's pixels are the warp's rounding
            }

            compared++;
            var strict = Bounds(quad).IsInside(width, height) && KeepsRightAngles(mapping.Forward);
            turnedStrict += strict && mapping.Forward.M01 != 0 && mapping.Forward.M00 != 0 ? 1 : 0;
            var o = pixels.Bounds;
            var sides = new[]
            {
                ("left", o.XMin - box.XMin, lattice.XMin - box.XMin), ("top", o.YMin - box.YMin, lattice.YMin - box.YMin),
                ("right", box.XMax - o.XMax, box.XMax - lattice.XMax), ("bottom", box.YMax - o.YMax, box.YMax - lattice.YMax),
            };
            foreach (var (side, inset, grid) in sides)
            {
                var allowed = strict ? Tolerance : Math.Max(Tolerance, grid);
                if (inset < -Tolerance || inset > allowed)
                {
                    failures.Add($"{name}: box {Show(box)}, object pixels {Show(o)}, pixel centres inside the mapped outline {Show(lattice)}: the {side} side is {inset:F3} px inside the box (allowed -1 to {allowed:F3})");
                }
                else if (inset > Tolerance)
                {
                    beyondOnePixel++;
                }
            }
        }

        return new Outcome(compared, turnedStrict, beyondOnePixel, failures);
    }

    private static Dictionary<int, ObjectPixels> FindObjects(ImageBuffer image)
    {
        var objects = Enumerable.Range(0, Values.Length).ToDictionary(i => i, _ => new ObjectPixels());
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                var index = Array.IndexOf(Values, (int)row[x]);
                if (index >= 0)
                {
                    objects[index].Add(x, y);
                }
                else if (row[x] != 0)
                {
                    throw new InvalidOperationException($"pixel ({x}, {y}) is {row[x]}: not a rectangle's value nor the background");
                }
            }
        }

        return objects;
    }

    private sealed class ObjectPixels
    {
        private readonly List<(int X, int Y)> _pixels = [];

        public int Count => _pixels.Count;

        /// <summary>The pixel-edge bounds: min x, min y, max x + 1, max y + 1.</summary>
        public BoundingBox Bounds => new(_pixels.Min(p => p.X), _pixels.Min(p => p.Y), _pixels.Max(p => p.X) + 1, _pixels.Max(p => p.Y) + 1);

        public void Add(int x, int y) => _pixels.Add((x, y));

        /// <summary>How many of the pixels have their centre inside the box.</summary>
        public int Held(BoundingBox box) => _pixels.Count(p =>
            p.X + 0.5 >= box.XMin && p.X + 0.5 <= box.XMax && p.Y + 0.5 >= box.YMin && p.Y + 0.5 <= box.YMax);
    }

    private static (double X, double Y)[] Corners(BoundingBox b) =>
        [(b.XMin, b.YMin), (b.XMax, b.YMin), (b.XMax, b.YMax), (b.XMin, b.YMax)];

    private static BoundingBox Bounds(IReadOnlyCollection<(double X, double Y)> points) => points.Count == 0
        ? default
        : new BoundingBox(points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));

    // The pixel-edge bounds of the frame's pixels whose centres lie in the convex quadrilateral, at
    // least -margin inside its edges, or null when there is none: what a nearest warp can show of it.
    private static BoundingBox? CentresInside(IReadOnlyList<(double X, double Y)> quad, int width, int height, double margin)
    {
        var area = 0.0;
        for (var i = 0; i < quad.Count; i++)
        {
            var (a, b) = (quad[i], quad[(i + 1) % quad.Count]);
            area += (a.X * b.Y) - (b.X * a.Y);
        }

        bool Inside(double x, double y)
        {
            for (var i = 0; i < quad.Count; i++)
            {
                var (a, b) = (quad[i], quad[(i + 1) % quad.Count]);
                var cross = ((b.X - a.X) * (y - a.Y)) - ((b.Y - a.Y) * (x - a.X));
                if (Math.Sign(area) * cross / Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y))) < -margin)
                {
                    return false;
                }
            }

            return true;
        }

        var bounds = Bounds(quad).ClipTo(width, height);
        var (x0, y0, x1, y1) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        for (var y = (int)Math.Floor(bounds.YMin); y < Math.Min(height, (int)Math.Ceiling(bounds.YMax)); y++)
        {
            for (var x = (int)Math.Floor(bounds.XMin); x < Math.Min(width, (int)Math.Ceiling(bounds.XMax)); x++)
            {
                if (Inside(x + 0.5, y + 0.5))
                {
                    (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                }
            }
        }

        return x0 == int.MaxValue ? null : new BoundingBox(x0, y0, x1 + 1, y1 + 1);
    }

    // An affine map whose images of the x and y axes are perpendicular: a rectangle stays one.
    private static bool KeepsRightAngles(Matrix3x3 m) =>
        m.IsAffine && Math.Abs((m.M00 * m.M01) + (m.M10 * m.M11)) <= 1e-9 * ((m.M00 * m.M00) + (m.M10 * m.M10) + (m.M01 * m.M01) + (m.M11 * m.M11));

    private static double Distance(BoundingBox a, BoundingBox b) =>
        new[] { a.XMin - b.XMin, a.YMin - b.YMin, a.XMax - b.XMax, a.YMax - b.YMax }.Max(Math.Abs);

    // --- Cases ---------------------------------------------------------------------------------------

    private sealed record Rect(int X, int Y, int Width, int Height)
    {
        public BoundingBox Box => new(X, Y, X + Width, Y + Height);

        public bool Near(Rect other, int gap) =>
            X < other.X + other.Width + gap && other.X < X + Width + gap && Y < other.Y + other.Height + gap && other.Y < Y + Height + gap;

        public override string ToString() => FormattableString.Invariant($"[{X}, {Y}, {Width}x{Height}]");
    }

    private sealed record BoxCase(int Width, int Height, IReadOnlyList<Rect> Rects, IReadOnlyList<string> Ops, int Variant)
    {
        public string Yaml => string.Join('\n', Ops);

        /// <summary>The image: rectangle i filled with Values[i] on 0.</summary>
        public ImageBuffer Draw()
        {
            var image = PipelineTestKit.Filled(Width, Height, 8, 1, 0);
            for (var i = 0; i < Rects.Count; i++)
            {
                var r = Rects[i];
                for (var y = r.Y; y < r.Y + r.Height; y++)
                {
                    image.Row(y).Slice(r.X, r.Width).Fill((byte)Values[i]);
                }
            }

            return image;
        }

        public override string ToString() =>
            FormattableString.Invariant($"image {Width}x{Height}, rects {string.Join(", ", Rects)}, item {ItemPath} variant {Variant}, pipeline:\n{Yaml}");
    }

    // Smaller cases: one op fewer, one rectangle fewer.
    private static IEnumerable<BoxCase> Shrink(BoxCase c)
    {
        for (var i = 0; i < c.Ops.Count && c.Ops.Count > 1; i++)
        {
            yield return c with { Ops = [.. c.Ops.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < c.Rects.Count && c.Rects.Count > 1; i++)
        {
            yield return c with { Rects = [.. c.Rects.Where((_, j) => j != i)] };
        }
    }

    private static Gen<BoxCase> Cases(Gen<string[]> ops) =>
        from width in Gen.Choose(96, 160)
        from height in Gen.Choose(96, 160)
        from candidates in Gen.ListOf(RectIn(width, height), 3)
        from pipeline in ops
        from variant in Gen.Choose(0, 1_000_000)
        select new BoxCase(width, height, Separate(candidates), pipeline, variant);

    private static Gen<BoxCase> MatrixCaseGen() =>
        Cases(from count in Gen.Choose(1, 4) from ops in Gen.ArrayOf(MatrixOp(), count) select ops);

    // A field op alone, or between up to two matrix ops on either side.
    private static Gen<BoxCase> FieldCaseGen() => Cases(
        from before in Gen.Choose(0, 2)
        from after in Gen.Choose(0, 2)
        from alone in Gen.Elements(true, false)
        from head in Gen.ArrayOf(MatrixOp(), before)
        from field in FieldOp()
        from tail in Gen.ArrayOf(MatrixOp(), after)
        select alone ? [field] : (string[])[.. head, field, .. tail]);

    private static Gen<Rect> RectIn(int width, int height) =>
        from w in Gen.Choose(16, 48)
        from h in Gen.Choose(16, 48)
        from x in Gen.Choose(0, width - w)
        from y in Gen.Choose(0, height - h)
        select new Rect(x, y, w, h);

    // The first candidate, and each further one that keeps 3 px from those before it (no occlusion).
    private static List<Rect> Separate(IEnumerable<Rect> candidates)
    {
        var kept = new List<Rect>();
        foreach (var r in candidates.Where(r => kept.TrueForAll(k => !k.Near(r, 3))))
        {
            kept.Add(r);
        }

        return kept;
    }

    // Elastic fields from mild to folding (Albumentations' own example, alpha 120 and sigma 120 * 0.05,
    // folds them: p + d(p) is not one to one); grid stretches from 0.4 to 1.6, which never fold.
    private static Gen<string> FieldOp() => Gen.OneOf(
        Elastic(10, 200, 4, 12),
        from steps in Gen.Choose(2, 12) from limit in Gen.Choose(5, 60) from normalized in Gen.Elements("true", "false")
        select $"- GridDistortion: {{ num_steps: {steps}, distort_limit: {Hundredths(limit)}, normalized: {normalized}, {Exact} }}");

    // A fixed start for the random cases: the same pipelines on every run and machine, so that the
    // counts the test checks (how many were compared, lost) are those of one known sample.
    private static Microsoft.FSharp.Core.FSharpOption<Replay> Fixed(ulong seed) =>
        Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), Microsoft.FSharp.Core.FSharpOption<int>.None));
}
