using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>The drawn scale factor.</summary>
public sealed record ScaleParams(double Scale) : IOpParams;

/// <summary>
/// Resizes by a factor 1 + x, x drawn from <c>scale_limit</c>, to int(width * factor) x
/// int(height * factor) (at least 1), as Albumentations' RandomScale; folded into the run's
/// resampling pass.
/// </summary>
public sealed class RandomScale(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<ScaleParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "RandomScale", OpFamily.Spatial, "resize by a random factor", 0.5,
        [
            new RangeParam("scale_limit", "range of x in the factor 1 + x; x means [-x, x]", (-0.1, 0.1), -0.99, 10, ScalarRange.Symmetric),
            GeometryParams.Interpolation(),
        ],
        (d, a) => new RandomScale(d, a));

    public override ScaleParams Sample(RandomStream rng, ImageInfo input) => new(1 + Draw(rng, "scale_limit"));

    public override SpatialStep Transform(ScaleParams parameters, ImageInfo input)
    {
        var size = new ImageSize(Scaled(input.Width, parameters.Scale), Scaled(input.Height, parameters.Scale));
        return SpatialStep.Matrix(Matrix3x3.Resize(input.Size, size), size).With(Arguments);
    }

    private static int Scaled(int length, double scale) => Math.Max(1, (int)(length * scale));
}
