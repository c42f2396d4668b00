using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>Resizes to <c>width</c> x <c>height</c>, folded into the run's single resampling pass.</summary>
public sealed class Resize(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Resize", OpFamily.Spatial, "resize to a fixed size", 1.0,
        [.. CropGeometry.SizeSpecs(), GeometryParams.Interpolation()],
        (d, a) => new Resize(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override SpatialStep Transform(NoParams parameters, ImageInfo input)
    {
        var size = CropGeometry.Size(Arguments);
        return SpatialStep.Matrix(Matrix3x3.Resize(input.Size, size), size).With(Arguments);
    }
}
