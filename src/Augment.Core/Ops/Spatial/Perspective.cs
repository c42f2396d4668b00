using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.OpenCv;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>The source quadrilateral that is stretched onto the output: top-left, top-right, bottom-right, bottom-left (x, y) pairs.</summary>
public sealed record PerspectiveParams(IReadOnlyList<double> Corners) : IOpParams
{
    public bool Equals(PerspectiveParams? other) => other is not null && Corners.SequenceEqual(other.Corners);

    public override int GetHashCode() => Corners.Count;
}

/// <summary>
/// A random four-point perspective warp, as Albumentations: each corner moves inward by |N(0, s)|
/// of the width and height (s drawn from <c>scale</c>, each offset taken modulo 0.32), and that
/// quadrilateral is mapped onto the whole output.
/// </summary>
public sealed class Perspective(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<PerspectiveParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Perspective", OpFamily.Spatial, "random four-point perspective warp", 0.5,
        [
            new RangeParam("scale", "range of the corner offsets' standard deviation, a fraction of the size", (0.05, 0.1), 0, 1),
            new BoolParam("keep_size", "keep the input size (false: the quadrilateral's own size)", true),
            .. ResamplingArguments.Specs(),
        ],
        (d, a) => new Perspective(d, a));

    public override PerspectiveParams Sample(RandomStream rng, ImageInfo input)
    {
        var sigma = Draw(rng, "scale");
        double Offset() => Math.Abs(rng.Normal(0, sigma)) % 0.32;
        var (w, h) = (input.Width - 1.0, input.Height - 1.0);
        double[] corners =
        [
            Offset() * w, Offset() * h,
            w - (Offset() * w), Offset() * h,
            w - (Offset() * w), h - (Offset() * h),
            Offset() * w, h - (Offset() * h),
        ];
        return new PerspectiveParams(corners);
    }

    public override SpatialStep Transform(PerspectiveParams p, ImageInfo input)
    {
        var c = p.Corners;
        var size = Arguments.Boolean("keep_size")
            ? input.Size
            : new ImageSize(
                (int)Math.Round(Math.Max(Distance(c, 0, 1), Distance(c, 3, 2))) + 1,
                (int)Math.Round(Math.Max(Distance(c, 0, 3), Distance(c, 1, 2))) + 1);
        var (w, h) = (size.Width - 1.0, size.Height - 1.0);
        var m = NativeGeometry.PerspectiveTransform(c.ToArray(), [0, 0, w, 0, w, h, 0, h]);
        var forward = new Matrix3x3(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
        return SpatialStep.Matrix(forward, size).With(Arguments);
    }

    private static double Distance(IReadOnlyList<double> c, int a, int b) =>
        Math.Sqrt(Math.Pow(c[2 * a] - c[2 * b], 2) + Math.Pow(c[(2 * a) + 1] - c[(2 * b) + 1], 2));
}
