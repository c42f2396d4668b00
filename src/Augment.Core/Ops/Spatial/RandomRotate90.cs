using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>How many quarter turns counter-clockwise (0 to 3).</summary>
public sealed record RandomRotate90Params(int Factor) : IOpParams;

/// <summary>Rotates by a random multiple of 90 degrees counter-clockwise, as numpy's rot90; no resampling loss.</summary>
public sealed class RandomRotate90(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<RandomRotate90Params>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "RandomRotate90", OpFamily.Spatial, "rotate by 0, 90, 180 or 270 degrees counter-clockwise", 0.5, [],
        (d, a) => new RandomRotate90(d, a));

    public override RandomRotate90Params Sample(RandomStream rng, ImageInfo input) => new((int)rng.NextInt64(0, 4));

    public override SpatialStep Transform(RandomRotate90Params parameters, ImageInfo input)
    {
        var (w, h) = (input.Width, input.Height);
        // A quarter turn counter-clockwise sends (x, y) to (y, w - 1 - x) and a w x h image to h x w.
        var quarter = new Matrix3x3(0, 1, 0, -1, 0, w - 1, 0, 0, 1);
        return (parameters.Factor & 3) switch
        {
            0 => SpatialStep.Matrix(Matrix3x3.Identity, input.Size),
            1 => SpatialStep.Matrix(quarter, new ImageSize(h, w)),
            2 => SpatialStep.Matrix(new Matrix3x3(-1, 0, w - 1, 0, -1, h - 1, 0, 0, 1), input.Size),
            _ => SpatialStep.Matrix(new Matrix3x3(0, -1, h - 1, 1, 0, 0, 0, 0, 1), new ImageSize(h, w)),
        };
    }
}
