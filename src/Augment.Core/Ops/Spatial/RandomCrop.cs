using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>Crops a <c>width</c> x <c>height</c> region at a random position; exact, no resampling.</summary>
public sealed class RandomCrop(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<CropParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "RandomCrop", OpFamily.Spatial, "crop a region of a fixed size at a random position", 1.0,
        [
            .. CropGeometry.SizeSpecs(),
            new BoolParam("pad_if_needed", "pad (centred) when the image is smaller than the crop, instead of failing the item", false),
            .. ResamplingArguments.BorderSpecs(),
        ],
        (d, a) => new RandomCrop(d, a));

    public override CropParams Sample(RandomStream rng, ImageInfo input)
    {
        var size = CropGeometry.Size(Arguments);
        var pad = Arguments.Boolean("pad_if_needed");
        var (xLow, xHigh) = CropGeometry.Span(input.Width, size.Width, pad, Descriptor.Name, "width");
        var (yLow, yHigh) = CropGeometry.Span(input.Height, size.Height, pad, Descriptor.Name, "height");
        var x = rng.NextIntInclusive(xLow, xHigh);
        var y = rng.NextIntInclusive(yLow, yHigh);
        return new CropParams(x, y);
    }

    public override SpatialStep Transform(CropParams parameters, ImageInfo input)
    {
        var size = CropGeometry.Size(Arguments);
        return CropGeometry.Step(parameters, size.Width, size.Height).With(Arguments);
    }
}
