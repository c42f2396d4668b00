using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>One rectangular hole, in pixels of the image it was cut from.</summary>
public sealed record Hole(int X, int Y, int Width, int Height);

public sealed record CoarseDropoutParams(IReadOnlyList<Hole> Holes) : IOpParams
{
    public bool Equals(CoarseDropoutParams? other) => other is not null && Holes.SequenceEqual(other.Holes);

    public override int GetHashCode() => Holes.Count;
}

/// <summary>
/// Cuts rectangular holes filled with <c>fill</c>, as Albumentations 2.x's CoarseDropout. Hole sizes
/// up to 1 are fractions of the image's side, larger ones pixels. With <c>fill_mask</c> set, the
/// masks get the same holes with that label; without it they are left alone. Boxes shrink to what the
/// holes leave visible, and go when nothing is (<see cref="Labels.BoxDropout"/>).
/// </summary>
public sealed class CoarseDropout : OpBase, IHidingRegionOp
{
    public IReadOnlyList<(int X, int Y, int Width, int Height)> HiddenRegions(IOpParams parameters) =>
        [.. ((CoarseDropoutParams)parameters).Holes.Select(h => (h.X, h.Y, h.Width, h.Height))];

    private CoarseDropout(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "CoarseDropout", OpFamily.Spatial, "cut random rectangular holes (and optionally the masks' too)", 0.5,
        [
            new RangeParam("num_holes_range", "how many holes", (1, 1), 1, 10_000, integer: true),
            new RangeParam("hole_height_range", "hole height: up to 1 a fraction of the height, above 1 pixels", (0.1, 0.2), 0, 100_000),
            new RangeParam("hole_width_range", "hole width: up to 1 a fraction of the width, above 1 pixels", (0.1, 0.2), 0, 100_000),
            new FillParam("fill", "image value inside the holes"),
            new NumberParam("fill_mask", "mask label inside the holes (left out: masks are not changed)", null, 0, 65535, integer: true, optional: true),
        ],
        (d, a) => new CoarseDropout(d, a));

    public Type ParamsType => typeof(CoarseDropoutParams);

    public IOpParams Sample(RandomStream rng, ImageInfo input)
    {
        var (countLow, countHigh) = Arguments.Range("num_holes_range");
        var count = rng.NextIntInclusive((int)countLow, (int)countHigh);
        var holes = new List<Hole>(count);
        for (var i = 0; i < count; i++)
        {
            var height = Length(rng, Arguments.Range("hole_height_range"), input.Height);
            var width = Length(rng, Arguments.Range("hole_width_range"), input.Width);
            var y = rng.NextIntInclusive(0, input.Height - height);
            var x = rng.NextIntInclusive(0, input.Width - width);
            holes.Add(new Hole(x, y, width, height));
        }

        return new CoarseDropoutParams(holes);
    }

    public void Apply(ImageBuffer image, IReadOnlyList<ImageBuffer> masks, IOpParams parameters)
    {
        var holes = ((CoarseDropoutParams)parameters).Holes;
        var fill = Geometry.FillValues.ForImage(Arguments.Numbers("fill"), image.Channels);
        var maskFill = Arguments.OptionalInteger("fill_mask");
        foreach (var hole in holes)
        {
            image.Native.FillRectangle(hole.X, hole.Y, hole.Width, hole.Height, fill);
            if (maskFill is { } label)
            {
                foreach (var mask in masks)
                {
                    mask.Native.FillRectangle(hole.X, hole.Y, hole.Width, hole.Height, [label, label, label, label]);
                }
            }
        }
    }

    private static int Length(RandomStream rng, (double Low, double High) range, int side)
    {
        var drawn = rng.Uniform(range.Low, range.High);
        var pixels = range.High <= 1 ? drawn * side : drawn;
        return Math.Clamp((int)Math.Round(pixels, MidpointRounding.AwayFromZero), 1, side);
    }
}
