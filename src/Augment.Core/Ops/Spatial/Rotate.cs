using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

public sealed record RotateParams(double Angle) : IOpParams;

/// <summary>Rotates about the image centre by an angle drawn from <c>limit</c> (degrees, counter-clockwise); the size is kept.</summary>
public sealed class Rotate : SpatialOp<RotateParams>
{
    private readonly (double Low, double High) _limit;

    private Rotate(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments) =>
        _limit = arguments.Range("limit");

    public static OpDescriptor Definition { get; } = new(
        "Rotate", OpFamily.Spatial, "rotate about the centre by a random angle", 0.5,
        [
            new RangeParam("limit", "angle range in degrees; x means [-x, x]", (-90, 90), -360, 360, ScalarRange.Symmetric),
            ResamplingArguments.RotateMethod,
            .. ResamplingArguments.Specs(),
        ],
        (d, a) => new Rotate(d, a));

    public override RotateParams Sample(RandomStream rng, ImageInfo input) => new(rng.Uniform(_limit.Low, _limit.High));

    public override SpatialStep Transform(RotateParams parameters, ImageInfo input)
    {
        var (cx, cy) = input.Size.Centre;
        return SpatialStep.Matrix(Matrix3x3.Rotation(parameters.Angle, cx, cy), input.Size).With(Arguments);
    }
}
