using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>Mirrors left to right: x becomes (w - 1) - x.</summary>
public sealed class HorizontalFlip(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "HorizontalFlip", OpFamily.Spatial, "mirror the image left to right", 0.5, [],
        (d, a) => new HorizontalFlip(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override SpatialStep Transform(NoParams parameters, ImageInfo input) =>
        SpatialStep.Matrix(new Matrix3x3(-1, 0, input.Width - 1, 0, 1, 0, 0, 0, 1), input.Size);
}
