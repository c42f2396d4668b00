using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

public sealed record GammaParams(double Gamma) : IOpParams;

/// <summary>v' = max * (v / max)^gamma, gamma = a draw from <c>gamma_limit</c> / 100 (Albumentations' units).</summary>
public sealed class RandomGamma(OpDescriptor descriptor, OpArguments arguments) : PixelOp<GammaParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "RandomGamma", OpFamily.Pixel, "gamma correction by a random gamma", 0.5,
        [new RangeParam("gamma_limit", "gamma range in hundredths (100 = unchanged)", (80, 120), 1, 10_000)],
        (d, a) => new RandomGamma(d, a));

    public override GammaParams Sample(RandomStream rng, ImageInfo input)
    {
        return new GammaParams(Draw(rng, "gamma_limit") / 100.0);
    }

    public override ImageBuffer Apply(ImageBuffer image, GammaParams p)
    {
        var max = ImageInfo.Of(image).MaxValue;
        ColourChannels.Apply(image, v => max * Math.Pow(v / max, p.Gamma));
        return image;
    }
}
