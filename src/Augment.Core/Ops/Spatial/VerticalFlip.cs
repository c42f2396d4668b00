using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>Mirrors top to bottom: y becomes (h - 1) - y.</summary>
public sealed class VerticalFlip(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "VerticalFlip", OpFamily.Spatial, "mirror the image top to bottom", 0.5, [],
        (d, a) => new VerticalFlip(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override SpatialStep Transform(NoParams parameters, ImageInfo input) =>
        SpatialStep.Matrix(new Matrix3x3(1, 0, 0, 0, -1, input.Height - 1, 0, 0, 1), input.Size);
}
