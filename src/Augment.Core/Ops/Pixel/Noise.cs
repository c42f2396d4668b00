using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>Noise strength as fractions of the maximum value, and the seed its field is regenerated from.</summary>
public sealed record GaussNoiseParams(double Std, double Mean, ulong FieldSeed) : IOpParams;

/// <summary>
/// Adds Gaussian noise with a standard deviation drawn from <c>std_range</c> and a mean from
/// <c>mean_range</c> (fractions of the maximum value), independently per channel unless
/// <c>per_channel</c> is false. The noise is regenerated from the recorded field seed.
/// </summary>
public sealed class GaussNoise(OpDescriptor descriptor, OpArguments arguments) : PixelOp<GaussNoiseParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "GaussNoise", OpFamily.Pixel, "add Gaussian noise", 0.5,
        [
            new RangeParam("std_range", "standard deviation range, a fraction of the maximum value", (0.2, 0.44), 0, 1),
            new RangeParam("mean_range", "mean range, a fraction of the maximum value", (0, 0), -1, 1),
            new BoolParam("per_channel", "draw noise for every channel separately", true),
        ],
        (d, a) => new GaussNoise(d, a));

    public override GaussNoiseParams Sample(RandomStream rng, ImageInfo input)
    {
        var (sLow, sHigh) = Arguments.Range("std_range");
        var std = rng.Uniform(sLow, sHigh);
        var mean = Draw(rng, "mean_range");
        return new GaussNoiseParams(std, mean, rng.NextUInt64());
    }

    public override ImageBuffer Apply(ImageBuffer image, GaussNoiseParams p)
    {
        // Row-major over the pixels, per pixel one shared mean + std * FieldNormal() or one per colour
        // channel, times the maximum value; v' = clamp(round half away from zero(v + delta)), drawn
        // from this field stream (GaussNoiseRows).
        var noise = RandomStream.ForField(p.FieldSeed);
        GaussNoiseRows.Apply(image, noise, p.Mean, p.Std, Arguments.Boolean("per_channel"));
        return image;
    }
}

/// <summary>The share of pixels hit, the share of those that turn white, and the field seed.</summary>
public sealed record SaltAndPepperParams(double Amount, double SaltRatio, ulong FieldSeed) : IOpParams;

/// <summary>Sets a random share of pixels (all colour channels) to the maximum (salt) or to 0 (pepper).</summary>
public sealed class SaltAndPepper(OpDescriptor descriptor, OpArguments arguments) : PixelOp<SaltAndPepperParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "SaltAndPepper", OpFamily.Pixel, "set random pixels to white or black", 0.5,
        [
            new RangeParam("amount", "range of the share of pixels affected", (0.01, 0.06), 0, 1),
            new RangeParam("salt_vs_pepper", "range of the share of affected pixels that turn white", (0.4, 0.6), 0, 1),
        ],
        (d, a) => new SaltAndPepper(d, a));

    public override SaltAndPepperParams Sample(RandomStream rng, ImageInfo input)
    {
        var (sLow, sHigh) = Arguments.Range("salt_vs_pepper");
        var amount = Draw(rng, "amount");
        var salt = rng.Uniform(sLow, sHigh);
        return new SaltAndPepperParams(amount, salt, rng.NextUInt64());
    }

    public override ImageBuffer Apply(ImageBuffer image, SaltAndPepperParams p)
    {
        var field = RandomStream.ForField(p.FieldSeed);
        var max = ImageInfo.Of(image).MaxValue;
        var colour = image.Channels == 4 ? 3 : image.Channels;
        SampleWriter.ForEachPixel(image, pixel =>
        {
            var hit = field.NextDouble() < p.Amount;
            var value = field.NextDouble() < p.SaltRatio ? max : 0;
            if (hit)
            {
                for (var c = 0; c < colour; c++)
                {
                    pixel[c] = value;
                }
            }
        });
        return image;
    }
}
