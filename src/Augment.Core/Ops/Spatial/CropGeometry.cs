using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;

namespace Augment.Core.Ops.Spatial;

/// <summary>What the fixed-size crops share: the size parameters, the size check and the mapping.</summary>
internal static class CropGeometry
{
    public static ParamSpec[] SizeSpecs() =>
    [
        new NumberParam("height", "crop height in pixels", null, 1, 100_000, integer: true),
        new NumberParam("width", "crop width in pixels", null, 1, 100_000, integer: true),
    ];

    /// <summary>Where a crop of the op's size may start along one axis: [low, high], centred padding when it does not fit.</summary>
    public static (int Low, int High) Span(int image, int crop, bool padIfNeeded, string op, string axis)
    {
        if (crop <= image)
        {
            return (0, image - crop);
        }

        if (!padIfNeeded)
        {
            throw new OpApplicationException(op, $"the crop {axis} {crop} is larger than the image's {image}; set pad_if_needed: true or crop smaller");
        }

        var start = -((crop - image) / 2);
        return (start, start);
    }

    public static SpatialStep Step(CropParams p, int width, int height) =>
        SpatialStep.Matrix(Matrix3x3.Translation(-p.X, -p.Y), new ImageSize(width, height));

    public static ImageSize Size(OpArguments arguments) => new(arguments.Integer("width"), arguments.Integer("height"));

    /// <summary>A region of the input resized to <paramref name="size"/>: crop and resize as one mapping.</summary>
    public static Matrix3x3 ResizedRegion(ResizedCropParams p, ImageSize size) =>
        Matrix3x3.Resize(new ImageSize(p.Width, p.Height), size) * Matrix3x3.Translation(-p.X, -p.Y);

}
