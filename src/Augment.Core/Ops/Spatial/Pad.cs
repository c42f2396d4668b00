using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>Pads every side by a fixed number of pixels, as Albumentations' Pad; exact, no resampling.</summary>
public sealed class Pad(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Pad", OpFamily.Spatial, "pad every side by a fixed number of pixels", 1.0,
        [
            new PaddingParam("padding", "pixels to add: one number for all sides, [left/right, top/bottom] or [left, top, right, bottom]"),
            .. ResamplingArguments.BorderSpecs(),
        ],
        (d, a) => new Pad(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override SpatialStep Transform(NoParams parameters, ImageInfo input)
    {
        var sides = Arguments.Numbers("padding");
        var (left, top, right, bottom) = ((int)sides[0], (int)sides[1], (int)sides[2], (int)sides[3]);
        var size = new ImageSize(input.Width + left + right, input.Height + top + bottom);
        return SpatialStep.Matrix(Matrix3x3.Translation(left, top), size).With(Arguments);
    }
}
