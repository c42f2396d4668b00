using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>The sampled kernel: an odd size (0: derived from sigma) and sigma in pixels.</summary>
public sealed record GaussianBlurParams(int KernelSize, double Sigma) : IOpParams;

/// <summary>
/// cv::GaussianBlur with an odd kernel size drawn from <c>blur_limit</c> and a sigma drawn from
/// <c>sigma_limit</c>, as Albumentations 2.x. A kernel size of 0 lets OpenCV derive it from sigma.
/// </summary>
public sealed class GaussianBlur : PixelOp<GaussianBlurParams>
{
    private GaussianBlur(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
        var (low, high) = arguments.Range("blur_limit");
        if (low != 0 && low % 2 == 0 && low == high)
        {
            throw new OpArgumentException("blur_limit", $"kernel sizes are odd; [{low}, {high}] holds no odd size");
        }
    }

    public static OpDescriptor Definition { get; } = new(
        "GaussianBlur", OpFamily.Pixel, "blur with a Gaussian kernel", 0.5,
        [
            new RangeParam("blur_limit", "kernel size range; odd sizes are drawn (0: from sigma)", (3, 7), 0, 255, ScalarRange.Fixed, integer: true),
            new RangeParam("sigma_limit", "sigma range in pixels", (0.5, 3.0), 0.01, 100),
        ],
        (d, a) => new GaussianBlur(d, a));

    public override GaussianBlurParams Sample(RandomStream rng, ImageInfo input)
    {
        var (low, high) = Arguments.Range("blur_limit");
        // Odd sizes in [low, high]: (low | 1) + 2k.
        var first = (int)low | 1;
        var count = Math.Max(1, (((int)high - first) / 2) + 1);
        var size = low == 0 && high == 0 ? 0 : first + (2 * (int)rng.NextInt64(0, count));
        return new GaussianBlurParams(size, Draw(rng, "sigma_limit"));
    }

    public override ImageBuffer Apply(ImageBuffer image, GaussianBlurParams p)
    {
        image.Native.GaussianBlur(p.KernelSize, p.KernelSize, p.Sigma, p.Sigma);
        return image;
    }
}
