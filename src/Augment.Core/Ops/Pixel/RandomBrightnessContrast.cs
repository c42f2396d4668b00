using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>The sampled change: brightness as a fraction of the maximum value, contrast as a factor minus one.</summary>
public sealed record RandomBrightnessContrastParams(double Brightness, double Contrast) : IOpParams;

/// <summary>
/// v' = v * (1 + contrast) + brightness * max, where max is 255 or 65535 (Albumentations'
/// brightness_by_max). Alpha is left alone on 4-channel images.
/// </summary>
public sealed class RandomBrightnessContrast : PixelOp<RandomBrightnessContrastParams>
{
    private RandomBrightnessContrast(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "RandomBrightnessContrast", OpFamily.Pixel, "shift brightness and scale contrast", 0.5,
        [
            new RangeParam("brightness_limit", "brightness shift range, a fraction of the maximum value; x means [-x, x]", (-0.2, 0.2), -1, 1, ScalarRange.Symmetric),
            new RangeParam("contrast_limit", "contrast change range: the factor is 1 + c; x means [-x, x]", (-0.2, 0.2), -1, 10, ScalarRange.Symmetric),
        ],
        (d, a) => new RandomBrightnessContrast(d, a));

    public override RandomBrightnessContrastParams Sample(RandomStream rng, ImageInfo input)
    {
        var brightness = Draw(rng, "brightness_limit");
        var contrast = Draw(rng, "contrast_limit");
        return new RandomBrightnessContrastParams(brightness, contrast);
    }

    public override ImageBuffer Apply(ImageBuffer image, RandomBrightnessContrastParams p)
    {
        var max = ImageInfo.Of(image).MaxValue;
        ColourChannels.Apply(image, v => (v * (1 + p.Contrast)) + (p.Brightness * max));
        return image;
    }
}
