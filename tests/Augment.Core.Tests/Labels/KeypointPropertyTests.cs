using System.Globalization;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Tests.Pipeline;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

using static Augment.Core.Tests.Labels.SpatialOpGen;

namespace Augment.Core.Tests.Labels;

/// <summary>
/// Keypoints against the pixels they stand for (acceptance: keypoints land on their marker pixel
/// within 0.5 px): synthetic images of single-pixel markers, each one gray value on a 0 background,
/// rendered through random pipelines with nearest interpolation and a constant 0 border, so that every
/// output pixel of a marker's value samples that marker and nothing else does. One object covers the
/// whole image (clipped, so it is dropped only when a crop falls wholly inside an earlier pad) and carries one visible keypoint at the centre of each
/// marker pixel; each keypoint the render keeps is compared with the pixel-edge bounds of its marker's
/// output pixels, and each one it loses with where its marker went.
/// </summary>
public sealed class KeypointPropertyTests(ITestOutputHelper output)
{
    private const string ItemPath = "images/keypoints.png";

    // A nearest warp shows a marker on the output pixels whose centres fall inside the mapped pixel
    // square, and the keypoint is the image of that square's centre: within half a pixel of the
    // bounds of those pixels (a run that enlarges fills the square with them; one that does not shows
    // the marker on one pixel whose centre is in the square, or on none).
    private const double MatrixTolerance = 0.5;

    // A displacement field is inverted point by point (FieldInverse), the pixels resampled through it:
    // within a pixel of the marker's output pixels.
    private const double FieldTolerance = 1;

    // Lost at the very edge: the marker's pixels reach within a pixel of the frame.
    private const double EdgeMargin = 1;

    private const int MatrixCases = 500;

    private const int FieldCases = 64;

    private static readonly BoxParams Settings = new("yolo", Clip: true);

    private static readonly KeypointParams KeypointSettings = new(RemoveInvisible: true);

    private static readonly int[] Values = [40, 80, 120, 160, 200, 240];

    [Fact]
    public void Matrix_pipelines_put_each_kept_keypoint_within_half_a_pixel_of_its_markers_pixels()
    {
        var totals = new Outcome(0, 0, 0, 0, []);
        var cases = 0;
        var property = Prop.ForAll(Arb.From(MatrixCaseGen(), Shrink), c =>
        {
            var outcome = Run(c, fields: false);
            (cases, totals) = (cases + 1, totals.Add(outcome));
            if (outcome.Failures.Count > 0)
            {
                throw new InvalidOperationException($"{c}\n{string.Join('\n', outcome.Failures)}");
            }
        });

        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(MatrixCases).WithReplay(Fixed(20260416UL)), property);
        output.WriteLine($"{cases} pipelines: {totals}");
        // Not vacuous: most keypoints are compared, and some are lost off the frame.
        Assert.True(totals.Compared >= 2 * MatrixCases, $"only {totals.Compared} keypoints were compared");
        Assert.True(totals.Lost > 0, "no keypoint was lost: the remove_invisible path went untried");
    }

    [Fact]
    public void Displacement_fields_put_each_kept_keypoint_within_one_pixel_of_its_markers_pixels()
    {
        // A fixed set of cases: FsCheck's generator from one seed.
        var cases = Gen.Sample(FieldCaseGen(), FieldCases, new Rnd(20260415UL, 0x9E3779B97F4A7C15UL), 30);
        var failures = new List<string>();
        var totals = new Outcome(0, 0, 0, 0, []);
        foreach (var c in cases)
        {
            var outcome = Run(c, fields: true);
            totals = totals.Add(outcome);
            if (outcome.Failures.Count > 0)
            {
                failures.Add($"{c}\n{string.Join('\n', outcome.Failures)}");
            }
        }

        output.WriteLine($"{cases.Length} pipelines: {totals}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} cases failed:\n{string.Join("\n\n", failures)}");
        Assert.True(totals.Compared >= 2 * FieldCases, $"only {totals.Compared} keypoints were compared");
    }

    // The centre of pixel (10, 20) of a 100 wide by 50 high image, (10.5, 20.5) in pixel-edge
    // coordinates, worked out by hand for each op (the renderer's matrices map pixel centres, pixel i at
    // i; edge coordinates are those plus 0.5):
    //   HorizontalFlip: x -> W - x = 100 - 10.5 = 89.5 (centre 10 -> W - 1 - 10 = 89), y unchanged.
    //   VerticalFlip:   y -> H - y = 50 - 20.5 = 29.5 (centre 20 -> H - 1 - 20 = 29), x unchanged.
    //   Transpose:      (x, y) -> (y, x) = (20.5, 10.5), a 50 x 100 image.
    //   RandomRotate90 factor 1, a quarter turn counter-clockwise (np.rot90, k = 1): the left column
    //     becomes the bottom row and the top row the left column, so centre (x, y) -> (y, W - 1 - x)
    //     = (20, 100 - 1 - 10) = (20, 89), edge (20.5, 89.5), in a 50 wide by 100 high image.
    //   Factor 2, a half turn: centre (x, y) -> (W - 1 - x, H - 1 - y) = (89, 29), edge (89.5, 29.5).
    //   Factor 3, three quarter turns (one clockwise): centre (x, y) -> (H - 1 - y, x) = (29, 10),
    //     edge (29.5, 10.5), in a 50 x 100 image.
    [Theory]
    [InlineData("HorizontalFlip", -1, 100, 50, 89.5, 20.5)]
    [InlineData("VerticalFlip", -1, 100, 50, 10.5, 29.5)]
    [InlineData("Transpose", -1, 50, 100, 20.5, 10.5)]
    [InlineData("RandomRotate90", 1, 50, 100, 20.5, 89.5)]
    [InlineData("RandomRotate90", 2, 100, 50, 89.5, 29.5)]
    [InlineData("RandomRotate90", 3, 50, 100, 29.5, 10.5)]
    public void Worked_case_keypoint_at_pixel_10_20_of_a_100_by_50_image(string op, int factor, int width, int height, double x, double y)
    {
        var pipeline = PipelineTestKit.Pipeline($"- {op}: {{ p: 1 }}");
        using var image = PipelineTestKit.Filled(100, 50, 8, 1, 0);
        image.Row(20)[10] = 200;
        // RandomRotate90's factor is random: its record is written by hand, as AlbumentationsBoxCasesTests does.
        IReadOnlyList<OpRecord> records = factor < 0
            ? PipelineTestKit.Sample(pipeline, image, ItemPath)
            : [new OpRecord("0", "RandomRotate90", true, new RandomRotate90Params(factor))];
        var box = new LabeledBox(0, "0", new BoundingBox(0, 0, 100, 50), 1, Keypoints: [new Keypoint(10.5, 20.5, 2)]);

        using var result = PipelineRenderer.Render(pipeline, records, image, [], 0, new ItemLabels([box], [], Settings, KeypointSettings));

        Assert.Equal((width, height), (result.Image.Width, result.Image.Height));
        var keypoint = Assert.Single(Assert.Single(result.Labels!.Kept).Keypoints!);
        Assert.Equal(new Keypoint(x, y, 2), keypoint);
        // The marker is there: on the pixel whose centre the keypoint is.
        Assert.Equal(200, result.Image.Row((int)Math.Floor(y))[(int)Math.Floor(x)]);
        Assert.Empty(Assert.Single(result.Labels.Fates).LostKeypoints);
    }

    private sealed record Outcome(int Compared, int Skipped, int Lost, int LostAtEdge, List<string> Failures)
    {
        public Outcome Add(Outcome other) =>
            new(Compared + other.Compared, Skipped + other.Skipped, Lost + other.Lost, LostAtEdge + other.LostAtEdge, [.. Failures, .. other.Failures]);

        public override string ToString() =>
            $"{Compared} keypoints compared, {Skipped} whose marker fell between the samples, {Lost} lost ({LostAtEdge} of them with their marker at the edge)";
    }

    private static Outcome Run(KeypointCase c, bool fields)
    {
        var config = PipelineTestKit.Config(c.Yaml);
        using var image = c.Draw();
        var points = c.Markers.Select(m => new Keypoint(m.X + 0.5, m.Y + 0.5, 2)).ToList();
        var box = new LabeledBox(0, "0", new BoundingBox(0, 0, c.Width, c.Height), 1, Keypoints: points);
        var records = PipelineTestKit.Sample(config.Pipeline, image, ItemPath, c.Variant);
        using var result = PipelineRenderer.Render(config.Pipeline, records, image, [], 0, new ItemLabels([box], [], Settings, KeypointSettings));
        var (width, height) = (result.Image.Width, result.Image.Height);
        var markers = FindMarkers(result.Image, c.Markers.Count);
        var labels = result.Labels!;
        var failures = new List<string>();
        var (compared, skipped, lost, lostAtEdge) = (0, 0, 0, 0);
        bool AtEdge(BoundingBox b) => b.XMin <= EdgeMargin || b.YMin <= EdgeMargin || b.XMax >= width - EdgeMargin || b.YMax >= height - EdgeMargin;
        if (labels.Fates.Single().Dropped == DropReason.OutOfFrame)
        {
            // The whole image left the frame (a crop wholly inside an earlier pad): so did every marker,
            // but for a pixel along the frame's edge.
            foreach (var (pixels, k) in markers.Select((p, k) => (p, k)).Where(m => m.p.Count > 0 && !AtEdge(m.p.Bounds)))
            {
                failures.Add($"marker {k} {c.Markers[k]} -> output {width}x{height}: the object was dropped out of frame, yet the marker's {pixels.Count} pixels {Show(pixels.Bounds)} are inside the frame");
            }

            return new Outcome(0, 0, 0, 0, failures);
        }

        if (labels.Kept.Count != 1 || labels.Kept[0].Keypoints is not { } kept || kept.Count != points.Count)
        {
            failures.Add($"the whole-image object is not kept with its {points.Count} keypoints: {labels.Kept.Count} kept, fates {string.Join(", ", labels.Fates.Select(f => f.Dropped ?? "kept"))}");
            return new Outcome(0, 0, 0, 0, failures);
        }

        var lostIndices = labels.Fates.Single().LostKeypoints.Select(l => l.Keypoint).ToHashSet();
        for (var k = 0; k < points.Count; k++)
        {
            var point = kept[k];
            var pixels = markers[k];
            var name = FormattableString.Invariant($"marker {k} {c.Markers[k]} -> output {width}x{height}, keypoint ({point.X:0.###}, {point.Y:0.###}, v{point.Visibility})");
            if (lostIndices.Contains(k))
            {
                // Lost: the marker left the frame too, but for a pixel along the frame's edge.
                lost++;
                if (point != Keypoint.Unlabelled)
                {
                    failures.Add($"{name}: listed lost, yet not written unlabelled");
                }
                else if (pixels.Count > 0)
                {
                    if (!AtEdge(pixels.Bounds))
                    {
                        failures.Add($"{name}: lost, yet its marker's {pixels.Count} pixels {Show(pixels.Bounds)} are inside the frame, more than {EdgeMargin} px from its edges");
                    }

                    lostAtEdge++;
                }

                continue;
            }

            if (!point.IsLabelled || !point.IsInside(width, height))
            {
                failures.Add($"{name}: not listed lost, yet {(point.IsLabelled ? "outside the frame" : "unlabelled")}");
                continue;
            }

            if (pixels.Count == 0)
            {
                // The marker fell between the samples (a shrinking or turning nearest warp skips pixels):
                // the keypoint is in the frame (above) and nothing more can be seen of it.
                skipped++;
                continue;
            }

            compared++;
            if (fields)
            {
                var distance = pixels.Distance(point.X, point.Y);
                if (distance > FieldTolerance)
                {
                    failures.Add($"{name}: {distance:F3} px from the nearest of its marker's {pixels.Count} pixels {Show(pixels.Bounds)} (allowed {FieldTolerance})");
                }

                continue;
            }

            var o = pixels.Bounds;
            var outside = Math.Max(Math.Max(o.XMin - point.X, point.X - o.XMax), Math.Max(o.YMin - point.Y, point.Y - o.YMax));
            if (outside > MatrixTolerance)
            {
                failures.Add($"{name}: {outside:F3} px outside the bounds {Show(o)} of its marker's {pixels.Count} pixels (allowed {MatrixTolerance})");
            }
        }

        return new Outcome(compared, skipped, lost, lostAtEdge, failures);
    }

    private static List<MarkerPixels> FindMarkers(ImageBuffer image, int count)
    {
        var markers = Enumerable.Range(0, count).Select(_ => new MarkerPixels()).ToList();
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                var index = Array.IndexOf(Values, (int)row[x]);
                if (index >= 0 && index < count)
                {
                    markers[index].Add(x, y);
                }
                else if (row[x] != 0)
                {
                    throw new InvalidOperationException($"pixel ({x}, {y}) is {row[x]}: not a marker's value nor the background");
                }
            }
        }

        return markers;
    }

    private sealed class MarkerPixels
    {
        private readonly List<(int X, int Y)> _pixels = [];

        public int Count => _pixels.Count;

        /// <summary>The pixel-edge bounds: min x, min y, max x + 1, max y + 1.</summary>
        public BoundingBox Bounds => new(_pixels.Min(p => p.X), _pixels.Min(p => p.Y), _pixels.Max(p => p.X) + 1, _pixels.Max(p => p.Y) + 1);

        public void Add(int x, int y) => _pixels.Add((x, y));

        /// <summary>How far the pixel-edge point is from the nearest of the pixels (0 inside one).</summary>
        public double Distance(double x, double y) => _pixels.Min(p =>
        {
            var dx = Math.Max(0, Math.Max(p.X - x, x - (p.X + 1)));
            var dy = Math.Max(0, Math.Max(p.Y - y, y - (p.Y + 1)));
            return Math.Sqrt((dx * dx) + (dy * dy));
        });
    }

    // --- Cases ---------------------------------------------------------------------------------------

    private sealed record Marker(int X, int Y)
    {
        public override string ToString() => FormattableString.Invariant($"({X}, {Y})");
    }

    private sealed record KeypointCase(int Width, int Height, IReadOnlyList<Marker> Markers, IReadOnlyList<string> Ops, int Variant)
    {
        public string Yaml => string.Join('\n', Ops);

        /// <summary>The image: marker i's pixel Values[i] on 0.</summary>
        public ImageBuffer Draw()
        {
            var image = PipelineTestKit.Filled(Width, Height, 8, 1, 0);
            for (var i = 0; i < Markers.Count; i++)
            {
                image.Row(Markers[i].Y)[Markers[i].X] = (byte)Values[i];
            }

            return image;
        }

        public override string ToString() =>
            FormattableString.Invariant($"image {Width}x{Height}, markers {string.Join(", ", Markers)}, item {ItemPath} variant {Variant}, pipeline:\n{Yaml}");
    }

    // Smaller cases: one op fewer, one marker fewer.
    private static IEnumerable<KeypointCase> Shrink(KeypointCase c)
    {
        for (var i = 0; i < c.Ops.Count && c.Ops.Count > 1; i++)
        {
            yield return c with { Ops = [.. c.Ops.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < c.Markers.Count && c.Markers.Count > 1; i++)
        {
            yield return c with { Markers = [.. c.Markers.Where((_, j) => j != i)] };
        }
    }

    private static Gen<KeypointCase> Cases(Gen<string[]> ops) =>
        from width in Gen.Choose(96, 160)
        from height in Gen.Choose(96, 160)
        from count in Gen.Choose(2, Values.Length)
        from candidates in Gen.ListOf(MarkerIn(width, height), count)
        from pipeline in ops
        from variant in Gen.Choose(0, 1_000_000)
        select new KeypointCase(width, height, [.. candidates.Distinct()], pipeline, variant);

    private static Gen<KeypointCase> MatrixCaseGen() =>
        Cases(from count in Gen.Choose(1, 4) from ops in Gen.ArrayOf(MatrixOp(), count) select ops);

    // A field op alone, or between up to two matrix ops on either side.
    private static Gen<KeypointCase> FieldCaseGen() => Cases(
        from before in Gen.Choose(0, 2)
        from after in Gen.Choose(0, 2)
        from alone in Gen.Elements(true, false)
        from head in Gen.ArrayOf(MatrixOp(), before)
        from field in FieldOp()
        from tail in Gen.ArrayOf(MatrixOp(), after)
        select alone ? [field] : (string[])[.. head, field, .. tail]);

    // Anywhere, or, one coordinate in five, on the first or last two rows or columns (where crops,
    // turns and shifts lose them, or leave them at the frame's edge).
    private static Gen<Marker> MarkerIn(int width, int height) =>
        from x in Coordinate(width)
        from y in Coordinate(height)
        select new Marker(x, y);

    private static Gen<int> Coordinate(int size) =>
        Gen.Frequency((4, Gen.Choose(0, size - 1)), (1, Gen.Elements(0, 1, size - 2, size - 1)));

    // Fields that do not fold: elastic with alpha at most 60 and sigma at least 6, GridDistortion with
    // its defaults (5 cells a side, each stretched by 0.7 to 1.3).
    private static Gen<string> FieldOp() => Gen.OneOf(
        Elastic(10, 60, 6, 12),
        Gen.Constant($"- GridDistortion: {{ {Exact} }}"));

    // A fixed start for the random cases: the same pipelines on every run and machine, so that the
    // counts the test checks (how many were compared, lost) are those of one known sample.
    private static Microsoft.FSharp.Core.FSharpOption<Replay> Fixed(ulong seed) =>
        Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), Microsoft.FSharp.Core.FSharpOption<int>.None));
}
