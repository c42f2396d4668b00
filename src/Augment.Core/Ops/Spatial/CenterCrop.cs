using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>Crops a <c>width</c> x <c>height</c> region from the centre; exact, no resampling.</summary>
public sealed class CenterCrop(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<CropParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "CenterCrop", OpFamily.Spatial, "crop a region of a fixed size from the centre", 1.0,
        [
            .. CropGeometry.SizeSpecs(),
            new BoolParam("pad_if_needed", "pad (centred) when the image is smaller than the crop, instead of failing the item", false),
            .. ResamplingArguments.BorderSpecs(),
        ],
        (d, a) => new CenterCrop(d, a));

    public override CropParams Sample(RandomStream rng, ImageInfo input)
    {
        var size = CropGeometry.Size(Arguments);
        var pad = Arguments.Boolean("pad_if_needed");
        var (xLow, xHigh) = CropGeometry.Span(input.Width, size.Width, pad, Descriptor.Name, "width");
        var (yLow, yHigh) = CropGeometry.Span(input.Height, size.Height, pad, Descriptor.Name, "height");
        return new CropParams((xLow + xHigh) / 2, (yLow + yHigh) / 2);
    }

    public override SpatialStep Transform(CropParams parameters, ImageInfo input)
    {
        var size = CropGeometry.Size(Arguments);
        return CropGeometry.Step(parameters, size.Width, size.Height).With(Arguments);
    }
}
