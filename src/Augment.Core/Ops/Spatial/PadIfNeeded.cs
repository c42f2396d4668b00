using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>How much padding goes left and on top; the rest goes right and at the bottom.</summary>
public sealed record PadParams(int Left, int Top) : IOpParams;

/// <summary>
/// Pads to at least <c>min_width</c> x <c>min_height</c> (and, when set, to multiples of the
/// divisors), placing the image by <c>position</c>; exact, no resampling.
/// </summary>
public sealed class PadIfNeeded(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<PadParams>(descriptor, arguments)
{
    private static readonly IReadOnlyList<(string, int?)> Positions =
        [("center", null), ("top_left", null), ("top_right", null), ("bottom_left", null), ("bottom_right", null), ("random", null)];

    public static OpDescriptor Definition { get; } = new(
        "PadIfNeeded", OpFamily.Spatial, "pad to a minimum size or to a multiple of a divisor", 1.0,
        [
            new NumberParam("min_height", "minimum height after padding", 1024, 1, 100_000, integer: true),
            new NumberParam("min_width", "minimum width after padding", 1024, 1, 100_000, integer: true),
            new NumberParam("pad_height_divisor", "pad the height up to a multiple of this", null, 1, 100_000, integer: true, optional: true),
            new NumberParam("pad_width_divisor", "pad the width up to a multiple of this", null, 1, 100_000, integer: true, optional: true),
            new ChoiceParam("position", "where the image sits in the padded canvas", "center", Positions),
            .. ResamplingArguments.BorderSpecs(),
        ],
        (d, a) => new PadIfNeeded(d, a));

    public override PadParams Sample(RandomStream rng, ImageInfo input)
    {
        var size = PaddedSize(input);
        var (extraX, extraY) = (size.Width - input.Width, size.Height - input.Height);
        return Arguments.Text("position") switch
        {
            "top_left" => new PadParams(0, 0),
            "top_right" => new PadParams(extraX, 0),
            "bottom_left" => new PadParams(0, extraY),
            "bottom_right" => new PadParams(extraX, extraY),
            "random" => new PadParams(rng.NextIntInclusive(0, extraX), rng.NextIntInclusive(0, extraY)),
            _ => new PadParams(extraX / 2, extraY / 2),
        };
    }

    public override SpatialStep Transform(PadParams parameters, ImageInfo input) =>
        SpatialStep.Matrix(Matrix3x3.Translation(parameters.Left, parameters.Top), PaddedSize(input)).With(Arguments);

    private ImageSize PaddedSize(ImageInfo input) => new(
        Padded(input.Width, Arguments.Integer("min_width"), Arguments.OptionalInteger("pad_width_divisor")),
        Padded(input.Height, Arguments.Integer("min_height"), Arguments.OptionalInteger("pad_height_divisor")));

    private static int Padded(int length, int minimum, int? divisor)
    {
        var padded = Math.Max(length, minimum);
        return divisor is { } d ? (padded + d - 1) / d * d : padded;
    }
}
