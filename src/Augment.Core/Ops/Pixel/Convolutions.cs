using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>cv::blur (a normalised box filter) with an odd kernel from <c>blur_limit</c>, as Albumentations' Blur.</summary>
public sealed class Blur(OpDescriptor descriptor, OpArguments arguments) : PixelOp<KernelSizeParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Blur", OpFamily.Pixel, "box blur with a random odd kernel", 0.5, [OddKernel.Spec((3, 7))],
        (d, a) =>
        {
            OddKernel.Check(a);
            return new Blur(d, a);
        });

    public override KernelSizeParams Sample(RandomStream rng, ImageInfo input) => new(OddKernel.Draw(rng, Arguments.Range("blur_limit")));

    public override ImageBuffer Apply(ImageBuffer image, KernelSizeParams p)
    {
        image.Native.BoxBlur(p.KernelSize);
        return image;
    }
}

public sealed record EmbossParams(double Alpha, double Strength) : IOpParams;

/// <summary>
/// Embosses with the 3x3 kernel (1 - alpha) * identity + alpha * [[-1-s, -s, 0], [-s, 1, s], [0, s, 1+s]],
/// as Albumentations' Emboss.
/// </summary>
public sealed class Emboss(OpDescriptor descriptor, OpArguments arguments) : PixelOp<EmbossParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Emboss", OpFamily.Pixel, "emboss and blend with the original", 0.5,
        [
            new RangeParam("alpha", "range of the embossed image's visibility", (0.2, 0.5), 0, 1),
            new RangeParam("strength", "range of the embossing's strength", (0.2, 0.7), 0, 100),
        ],
        (d, a) => new Emboss(d, a));

    public override EmbossParams Sample(RandomStream rng, ImageInfo input)
    {
        var alpha = Draw(rng, "alpha");
        var strength = Draw(rng, "strength");
        return new EmbossParams(alpha, strength);
    }

    public override ImageBuffer Apply(ImageBuffer image, EmbossParams p)
    {
        image.Native.Filter(Kernel(p), 3, 3);
        return image;
    }

    internal static float[] Kernel(EmbossParams p)
    {
        var (a, s) = (p.Alpha, p.Strength);
        double[] effect = [-1 - s, -s, 0, -s, 1, s, 0, s, 1 + s];
        return [.. effect.Select((e, i) => (float)(((i == 4 ? 1 : 0) * (1 - a)) + (a * e)))];
    }
}
