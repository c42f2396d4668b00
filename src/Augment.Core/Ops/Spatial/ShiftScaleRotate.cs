using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>The sampled transform: degrees, scale factor, shifts as fractions of width and height.</summary>
public sealed record ShiftScaleRotateParams(double Angle, double Scale, double ShiftX, double ShiftY) : IOpParams;

/// <summary>Rotates and scales about the centre, then shifts; the factor is 1 + a draw from <c>scale_limit</c>.</summary>
public sealed class ShiftScaleRotate(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<ShiftScaleRotateParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "ShiftScaleRotate", OpFamily.Spatial, "shift, scale and rotate", 0.5,
        [
            new RangeParam("shift_limit", "shift range as a fraction of width and height; x means [-x, x]", (-0.0625, 0.0625), -1, 1, ScalarRange.Symmetric),
            new RangeParam("scale_limit", "scale change range: the factor is 1 + s; x means [-x, x]", (-0.1, 0.1), -0.99, 10, ScalarRange.Symmetric),
            new RangeParam("rotate_limit", "rotation range in degrees; x means [-x, x]", (-45, 45), -360, 360, ScalarRange.Symmetric),
            ResamplingArguments.RotateMethod,
            .. ResamplingArguments.Specs(),
        ],
        (d, a) => new ShiftScaleRotate(d, a));

    public override ShiftScaleRotateParams Sample(RandomStream rng, ImageInfo input)
    {
        var (shiftLow, shiftHigh) = Arguments.Range("shift_limit");
        var angle = Draw(rng, "rotate_limit");
        var scale = 1 + Draw(rng, "scale_limit");
        var dx = rng.Uniform(shiftLow, shiftHigh);
        var dy = rng.Uniform(shiftLow, shiftHigh);
        return new ShiftScaleRotateParams(angle, scale, dx, dy);
    }

    public override SpatialStep Transform(ShiftScaleRotateParams p, ImageInfo input)
    {
        var (cx, cy) = input.Size.Centre;
        var forward = Matrix3x3.Translation(cx + (p.ShiftX * input.Width), cy + (p.ShiftY * input.Height))
                      * Matrix3x3.Rotation(p.Angle, 0, 0)
                      * Matrix3x3.Scale(p.Scale, p.Scale)
                      * Matrix3x3.Translation(-cx, -cy);
        return SpatialStep.Matrix(forward, input.Size).With(Arguments);
    }
}
