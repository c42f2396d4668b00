using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

public sealed record PosterizeParams(int Bits) : IOpParams;

/// <summary>Keeps the top <c>num_bits</c> bits of 8 (16-bit images keep the same share of their 16).</summary>
public sealed class Posterize(OpDescriptor descriptor, OpArguments arguments) : PixelOp<PosterizeParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Posterize", OpFamily.Pixel, "reduce the number of bits per sample", 0.5,
        [new RangeParam("num_bits", "bits to keep (of 8); x means always x", (4, 4), 1, 8, ScalarRange.Fixed, integer: true)],
        (d, a) => new Posterize(d, a));

    public override PosterizeParams Sample(RandomStream rng, ImageInfo input)
    {
        var (low, high) = Arguments.Range("num_bits");
        return new PosterizeParams(rng.NextIntInclusive((int)low, (int)high));
    }

    public override ImageBuffer Apply(ImageBuffer image, PosterizeParams p)
    {
        var bits = image.DepthBits == 16 ? p.Bits * 2 : p.Bits;
        var mask = ~((1 << (image.DepthBits - bits)) - 1) & ((1 << image.DepthBits) - 1);
        ColourChannels.Apply(image, v => (int)v & mask);
        return image;
    }
}

public sealed record SolarizeParams(double Threshold) : IOpParams;

/// <summary>Inverts samples at or above a threshold drawn from <c>threshold_range</c> (a fraction of the maximum).</summary>
public sealed class Solarize(OpDescriptor descriptor, OpArguments arguments) : PixelOp<SolarizeParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Solarize", OpFamily.Pixel, "invert samples above a threshold", 0.5,
        [new RangeParam("threshold_range", "threshold range as a fraction of the maximum value", (0.5, 0.5), 0, 1)],
        (d, a) => new Solarize(d, a));

    public override SolarizeParams Sample(RandomStream rng, ImageInfo input)
    {
        var (low, high) = Arguments.Range("threshold_range");
        return new SolarizeParams(rng.Uniform(low, high));
    }

    public override ImageBuffer Apply(ImageBuffer image, SolarizeParams p)
    {
        var max = ImageInfo.Of(image).MaxValue;
        var threshold = p.Threshold * max;
        ColourChannels.Apply(image, v => v >= threshold ? max - v : v);
        return image;
    }
}

/// <summary>v' = max - v on the colour channels.</summary>
public sealed class InvertImg(OpDescriptor descriptor, OpArguments arguments) : PixelOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "InvertImg", OpFamily.Pixel, "invert the colour channels", 0.5, [],
        (d, a) => new InvertImg(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override ImageBuffer Apply(ImageBuffer image, NoParams p)
    {
        var max = ImageInfo.Of(image).MaxValue;
        ColourChannels.Apply(image, v => max - v);
        return image;
    }
}
