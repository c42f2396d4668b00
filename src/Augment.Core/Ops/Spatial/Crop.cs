using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>
/// Crops the fixed region [x_min, x_max) x [y_min, y_max), as Albumentations' Crop; exact. With
/// <c>pad_if_needed</c>, an image smaller than x_max x y_max is first padded to that size (placed by
/// <c>pad_position</c>) and the region is taken from the padded image.
/// </summary>
public sealed class Crop(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<PadParams>(descriptor, arguments)
{
    private static readonly IReadOnlyList<(string, int?)> Positions =
        [("center", null), ("top_left", null), ("top_right", null), ("bottom_left", null), ("bottom_right", null), ("random", null)];

    public static OpDescriptor Definition { get; } = new(
        "Crop", OpFamily.Spatial, "crop a fixed region", 1.0,
        [
            new NumberParam("x_min", "left edge of the region (inclusive)", 0, 0, 100_000, integer: true),
            new NumberParam("y_min", "top edge of the region (inclusive)", 0, 0, 100_000, integer: true),
            new NumberParam("x_max", "right edge of the region (exclusive)", 1024, 1, 100_000, integer: true),
            new NumberParam("y_max", "bottom edge of the region (exclusive)", 1024, 1, 100_000, integer: true),
            new BoolParam("pad_if_needed", "pad an image smaller than x_max x y_max instead of failing the item", false),
            new ChoiceParam("pad_position", "where the image sits in the padded canvas", "center", Positions),
            .. ResamplingArguments.BorderSpecs(),
        ],
        (d, a) =>
        {
            if (a.Integer("x_max") <= a.Integer("x_min"))
            {
                throw new OpArgumentException("x_max", $"x_max {a.Integer("x_max")} must be greater than x_min {a.Integer("x_min")}");
            }

            if (a.Integer("y_max") <= a.Integer("y_min"))
            {
                throw new OpArgumentException("y_max", $"y_max {a.Integer("y_max")} must be greater than y_min {a.Integer("y_min")}");
            }

            return new Crop(d, a);
        });

    /// <summary>The padding that goes left and on top (0, 0 when the image is large enough).</summary>
    public override PadParams Sample(RandomStream rng, ImageInfo input)
    {
        var (xMax, yMax) = (Arguments.Integer("x_max"), Arguments.Integer("y_max"));
        if (input.Width >= xMax && input.Height >= yMax)
        {
            return new PadParams(0, 0);
        }

        if (!Arguments.Boolean("pad_if_needed"))
        {
            throw new OpApplicationException(Descriptor.Name, $"the region reaches x_max {xMax}, y_max {yMax} beyond the {input.Width}x{input.Height} image; set pad_if_needed: true or crop inside the image");
        }

        var (extraX, extraY) = (Math.Max(0, xMax - input.Width), Math.Max(0, yMax - input.Height));
        return Arguments.Text("pad_position") switch
        {
            "top_left" => new PadParams(0, 0),
            "top_right" => new PadParams(extraX, 0),
            "bottom_left" => new PadParams(0, extraY),
            "bottom_right" => new PadParams(extraX, extraY),
            "random" => new PadParams(rng.NextIntInclusive(0, extraX), rng.NextIntInclusive(0, extraY)),
            _ => new PadParams(extraX / 2, extraY / 2),
        };
    }

    public override SpatialStep Transform(PadParams parameters, ImageInfo input)
    {
        var (xMin, yMin) = (Arguments.Integer("x_min"), Arguments.Integer("y_min"));
        var size = new ImageSize(Arguments.Integer("x_max") - xMin, Arguments.Integer("y_max") - yMin);
        return SpatialStep.Matrix(Matrix3x3.Translation(parameters.Left - xMin, parameters.Top - yMin), size).With(Arguments);
    }
}
