using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Labels;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>
/// Albumentations' detection-aware crops (docs/labels.md): each chooses its region from the item's
/// boxes where it stands in the pipeline, and records the region (a <see cref="ResizedCropParams"/>),
/// so a replay needs neither boxes nor draws. Without boxes each falls back as Albumentations does.
/// </summary>
internal static class BBoxSafeCrop
{
    public static NumberParam ErosionRate(string name = "erosion_rate") =>
        new(name, "how much each box may shrink before the crop must hold it (a fraction of its size)", 0.0, 0, 1);

    /// <summary>A region holding the union of the boxes, each shrunk by <paramref name="erosion"/>; an erosive random crop when there are none.</summary>
    public static ResizedCropParams HoldingAll(RandomStream rng, ImageInfo input, IReadOnlyList<BoundingBox> boxes, double erosion)
    {
        var (w, h) = (input.Width, input.Height);
        var union = boxes.Count == 0 ? null : Union(boxes.Select(b => Erode(b, erosion)));
        if (union is not { } u)
        {
            // Albumentations' fallback: a crop of random height from (1 - erosion) of the image's, the image's aspect ratio.
            var erosive = (int)(h * (1.0 - erosion));
            var ch = erosive >= h ? h : rng.NextIntInclusive(Math.Max(1, erosive), h);
            var cw = Math.Clamp((int)((double)ch * w / h), 1, w);
            return new ResizedCropParams((int)((w - cw) * rng.NextDouble()), (int)((h - ch) * rng.NextDouble()), cw, ch);
        }

        var (x0, y0, x1, y1) = (Math.Clamp(u.XMin, 0, w), Math.Clamp(u.YMin, 0, h), Math.Clamp(u.XMax, 0, w), Math.Clamp(u.YMax, 0, h));
        var left = (int)Math.Floor(x0 * rng.NextDouble());
        var top = (int)Math.Floor(y0 * rng.NextDouble());
        var right = (int)Math.Ceiling(x1 + ((w - x1) * rng.NextDouble()));
        var bottom = (int)Math.Ceiling(y1 + ((h - y1) * rng.NextDouble()));
        right = Math.Clamp(right, left + 1, w);
        bottom = Math.Clamp(bottom, top + 1, h);
        return new ResizedCropParams(left, top, right - left, bottom - top);
    }

    public static BoundingBox Erode(BoundingBox b, double erosion) =>
        new(b.XMin + (erosion * b.Width / 2), b.YMin + (erosion * b.Height / 2), b.XMax - (erosion * b.Width / 2), b.YMax - (erosion * b.Height / 2));

    private static BoundingBox? Union(IEnumerable<BoundingBox> boxes)
    {
        BoundingBox? union = null;
        foreach (var b in boxes)
        {
            union = union is { } u ? new BoundingBox(Math.Min(u.XMin, b.XMin), Math.Min(u.YMin, b.YMin), Math.Max(u.XMax, b.XMax), Math.Max(u.YMax, b.YMax)) : b;
        }

        return union;
    }

    public static SpatialStep Crop(ResizedCropParams p) => CropGeometry.Step(new CropParams(p.X, p.Y), p.Width, p.Height);
}

/// <summary>Crops a random region that holds every box (Albumentations' BBoxSafeRandomCrop); the size is the region's.</summary>
public sealed class BBoxSafeRandomCrop : SpatialOp<ResizedCropParams>, IBoxAwareOp
{
    private BBoxSafeRandomCrop(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "BBoxSafeRandomCrop", OpFamily.Spatial, "crop a random region that holds every box", 1.0,
        [BBoxSafeCrop.ErosionRate()],
        (d, a) => new BBoxSafeRandomCrop(d, a));

    public override ResizedCropParams Sample(RandomStream rng, ImageInfo input) => Sample(rng, input, []);

    public ResizedCropParams Sample(RandomStream rng, ImageInfo input, IReadOnlyList<BoundingBox> boxes) =>
        BBoxSafeCrop.HoldingAll(rng, input, boxes, Arguments.Number("erosion_rate"));

    IOpParams IBoxAwareOp.Sample(RandomStream rng, ImageInfo input, IReadOnlyList<BoundingBox> boxes) => Sample(rng, input, boxes);

    public override SpatialStep Transform(ResizedCropParams p, ImageInfo input) => BBoxSafeCrop.Crop(p);
}

/// <summary>Crops a random region that holds every box and resizes it to <c>height</c> x <c>width</c> (Albumentations' RandomSizedBBoxSafeCrop).</summary>
public sealed class RandomSizedBBoxSafeCrop : SpatialOp<ResizedCropParams>, IBoxAwareOp
{
    private RandomSizedBBoxSafeCrop(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "RandomSizedBBoxSafeCrop", OpFamily.Spatial, "crop a random region that holds every box, resize to a fixed size", 1.0,
        [.. CropGeometry.SizeSpecs(), BBoxSafeCrop.ErosionRate(), GeometryParams.Interpolation()],
        (d, a) => new RandomSizedBBoxSafeCrop(d, a));

    public override ResizedCropParams Sample(RandomStream rng, ImageInfo input) => Sample(rng, input, []);

    public ResizedCropParams Sample(RandomStream rng, ImageInfo input, IReadOnlyList<BoundingBox> boxes) =>
        BBoxSafeCrop.HoldingAll(rng, input, boxes, Arguments.Number("erosion_rate"));

    IOpParams IBoxAwareOp.Sample(RandomStream rng, ImageInfo input, IReadOnlyList<BoundingBox> boxes) => Sample(rng, input, boxes);

    public override SpatialStep Transform(ResizedCropParams p, ImageInfo input)
    {
        var size = CropGeometry.Size(Arguments);
        return SpatialStep.Matrix(CropGeometry.ResizedRegion(p, size), size).With(Arguments);
    }
}

/// <summary>
/// Crops a <c>height</c> x <c>width</c> region that holds at least one box, chosen at random and
/// shrunk by <c>erosion_factor</c> (Albumentations' AtLeastOneBBoxRandomCrop); a random crop when the
/// item has none. A box larger than the crop is held as far as the crop reaches.
/// </summary>
public sealed class AtLeastOneBBoxRandomCrop : SpatialOp<ResizedCropParams>, IBoxAwareOp
{
    private AtLeastOneBBoxRandomCrop(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "AtLeastOneBBoxRandomCrop", OpFamily.Spatial, "crop a fixed-size region that holds at least one box", 1.0,
        [.. CropGeometry.SizeSpecs(), BBoxSafeCrop.ErosionRate("erosion_factor")],
        (d, a) => new AtLeastOneBBoxRandomCrop(d, a));

    public override ResizedCropParams Sample(RandomStream rng, ImageInfo input) => Sample(rng, input, []);

    public ResizedCropParams Sample(RandomStream rng, ImageInfo input, IReadOnlyList<BoundingBox> boxes)
    {
        var size = CropGeometry.Size(Arguments);
        var (xs, ys) = (CropGeometry.Span(input.Width, size.Width, false, Descriptor.Name, "width"), CropGeometry.Span(input.Height, size.Height, false, Descriptor.Name, "height"));
        if (boxes.Count == 0)
        {
            return new ResizedCropParams(rng.NextIntInclusive(xs.Low, xs.High), rng.NextIntInclusive(ys.Low, ys.High), size.Width, size.Height);
        }

        var box = BBoxSafeCrop.Erode(boxes[rng.NextIntInclusive(0, boxes.Count - 1)], Arguments.Number("erosion_factor"));
        return new ResizedCropParams(Start(rng, box.XMin, box.XMax, size.Width, xs), Start(rng, box.YMin, box.YMax, size.Height, ys), size.Width, size.Height);
    }

    IOpParams IBoxAwareOp.Sample(RandomStream rng, ImageInfo input, IReadOnlyList<BoundingBox> boxes) => Sample(rng, input, boxes);

    public override SpatialStep Transform(ResizedCropParams p, ImageInfo input) => BBoxSafeCrop.Crop(p);

    // A start along one axis whose crop holds [low, high] (or, for a box larger than the crop, lies within it).
    private static int Start(RandomStream rng, double low, double high, int crop, (int Low, int High) span)
    {
        var from = Math.Clamp((int)Math.Ceiling(high - crop), span.Low, span.High);
        var to = Math.Clamp((int)Math.Floor(low), span.Low, span.High);
        return rng.NextIntInclusive(Math.Min(from, to), Math.Max(from, to));
    }
}
