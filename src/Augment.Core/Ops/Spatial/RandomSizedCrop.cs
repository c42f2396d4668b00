using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>
/// Crops a region of random height from <c>min_max_height</c> and width height * <c>w2h_ratio</c>
/// at a random place, and resizes it to <c>size</c> ([height, width]), as Albumentations'
/// RandomSizedCrop; crop and resize are one mapping.
/// </summary>
public sealed class RandomSizedCrop(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<ResizedCropParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "RandomSizedCrop", OpFamily.Spatial, "crop a random height at a fixed aspect ratio, resize to a fixed size", 1.0,
        [
            new RangeParam("min_max_height", "range of the crop's height in pixels", null, 1, 100_000, integer: true),
            new RangeParam("size", "output [height, width] in pixels", null, 1, 100_000, integer: true, ordered: false),
            new NumberParam("w2h_ratio", "the crop's width / height", 1.0, 0.01, 100),
            GeometryParams.Interpolation(),
        ],
        (d, a) => new RandomSizedCrop(d, a));

    public override ResizedCropParams Sample(RandomStream rng, ImageInfo input)
    {
        var (low, high) = Arguments.Range("min_max_height");
        var height = rng.NextIntInclusive((int)low, (int)high);
        var width = Math.Max(1, (int)(height * Arguments.Number("w2h_ratio")));
        if (height > input.Height || width > input.Width)
        {
            throw new OpApplicationException(Descriptor.Name, $"the crop of {width}x{height} is larger than the {input.Width}x{input.Height} image; lower min_max_height or w2h_ratio");
        }

        var x = rng.NextIntInclusive(0, input.Width - width);
        var y = rng.NextIntInclusive(0, input.Height - height);
        return new ResizedCropParams(x, y, width, height);
    }

    public override SpatialStep Transform(ResizedCropParams p, ImageInfo input)
    {
        var (height, width) = Arguments.Range("size");
        var size = new ImageSize((int)width, (int)height);
        return SpatialStep.Matrix(CropGeometry.ResizedRegion(p, size), size).With(Arguments);
    }
}
