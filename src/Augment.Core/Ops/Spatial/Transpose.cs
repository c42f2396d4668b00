using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>Swaps rows and columns: (x, y) becomes (y, x); a w x h image becomes h x w.</summary>
public sealed class Transpose(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Transpose", OpFamily.Spatial, "swap rows and columns", 0.5, [],
        (d, a) => new Transpose(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override SpatialStep Transform(NoParams parameters, ImageInfo input) =>
        SpatialStep.Matrix(new Matrix3x3(0, 1, 0, 1, 0, 0, 0, 0, 1), new ImageSize(input.Height, input.Width));
}
