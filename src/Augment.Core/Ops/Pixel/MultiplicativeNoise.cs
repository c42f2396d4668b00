using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>
/// The multipliers drawn for the whole image (one, or one per colour channel in R, G, B order), or,
/// when elementwise, none: then every pixel's come from the field seed.
/// </summary>
public sealed record MultiplicativeNoiseParams(IReadOnlyList<double> Multipliers, ulong FieldSeed) : IOpParams
{
    public bool Equals(MultiplicativeNoiseParams? other) => other is not null && FieldSeed == other.FieldSeed && Multipliers.SequenceEqual(other.Multipliers);

    public override int GetHashCode() => HashCode.Combine(FieldSeed, Multipliers.Count);
}

/// <summary>
/// Multiplies the colour channels by factors from <c>multiplier</c>: one for the image, one per
/// channel (<c>per_channel</c>), or one per pixel (and channel) with <c>elementwise</c>, as
/// Albumentations' MultiplicativeNoise. v' = clamp(round half away from zero(v * m)).
/// </summary>
public sealed class MultiplicativeNoise(OpDescriptor descriptor, OpArguments arguments) : PixelOp<MultiplicativeNoiseParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "MultiplicativeNoise", OpFamily.Pixel, "multiply by random factors", 0.5,
        [
            new RangeParam("multiplier", "range of the factors", (0.9, 1.1), 0, 100),
            new BoolParam("per_channel", "a factor for every colour channel rather than one for all", false),
            new BoolParam("elementwise", "factors for every pixel rather than one for the image", false),
        ],
        (d, a) => new MultiplicativeNoise(d, a));

    public override MultiplicativeNoiseParams Sample(RandomStream rng, ImageInfo input)
    {
        if (Arguments.Boolean("elementwise"))
        {
            return new MultiplicativeNoiseParams([], rng.NextUInt64());
        }

        var count = Arguments.Boolean("per_channel") && input.Channels > 1 ? 3 : 1;
        var multipliers = Enumerable.Range(0, count).Select(_ => Draw(rng, "multiplier")).ToArray();
        return new MultiplicativeNoiseParams(multipliers, 0);
    }

    public override ImageBuffer Apply(ImageBuffer image, MultiplicativeNoiseParams p)
    {
        var max = ImageInfo.Of(image).MaxValue;
        var colour = image.Channels == 4 ? 3 : image.Channels;
        if (p.Multipliers.Count == 1)
        {
            ColourChannels.Apply(image, v => v * p.Multipliers[0]);
            return image;
        }

        var (low, high) = Arguments.Range("multiplier");
        var field = RandomStream.ForField(p.FieldSeed);
        var perChannel = Arguments.Boolean("per_channel");
        var factors = new double[3];
        SampleWriter.ForEachPixel(image, pixel =>
        {
            // Row-major, per pixel one factor or one per channel in R, G, B order (elementwise);
            // otherwise the recorded per-channel factors.
            for (var r = 0; r < colour; r++)
            {
                factors[r] = p.Multipliers.Count > 0 ? p.Multipliers[r]
                    : r == 0 || perChannel ? field.Uniform(low, high) : factors[0];
            }

            for (var r = 0; r < colour; r++)
            {
                var at = colour == 1 ? 0 : 2 - r;
                pixel[at] = Math.Clamp(Math.Round(pixel[at] * factors[r], MidpointRounding.AwayFromZero), 0, max);
            }
        });
        return image;
    }
}
