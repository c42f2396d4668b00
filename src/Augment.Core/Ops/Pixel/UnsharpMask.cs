using System.Runtime.InteropServices;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>The drawn Gaussian kernel (odd size, sigma in pixels; 0 derives it from the size) and the sharpening strength.</summary>
public sealed record UnsharpMaskParams(int KernelSize, double Sigma, double Alpha) : IOpParams;

/// <summary>
/// Albumentations' UnsharpMask: blur = Gaussian(image); residual = image - blur; sharp = clamp(image +
/// alpha * residual); a sample is sharpened only where |residual| (on the 8-bit scale) exceeds
/// <c>threshold</c>, and that 0/1 mask is blurred by the same kernel so the change fades in:
/// v' = round(soft * sharp + (1 - soft) * v). Both blurs are OpenCV's fixed-point 8/16-bit
/// GaussianBlur; the rest is managed double arithmetic, rounded once, so it agrees on every CPU.
/// </summary>
public sealed class UnsharpMask(OpDescriptor descriptor, OpArguments arguments) : PixelOp<UnsharpMaskParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "UnsharpMask", OpFamily.Pixel, "sharpen by adding back the difference from a Gaussian blur", 0.5,
        [
            OddKernel.Spec((3, 7)),
            new RangeParam("sigma_limit", "Gaussian sigma range in pixels; 0 derives sigma from the kernel size (OpenCV's rule)", (0, 0), 0, 100),
            new RangeParam("alpha", "range of the sharpening strength", (0.2, 0.5), 0, 1),
            new NumberParam("threshold", "least difference from the blur (on the 8-bit scale) that is sharpened", 10, 0, 255, integer: true),
        ],
        (d, a) =>
        {
            OddKernel.Check(a);
            return new UnsharpMask(d, a);
        });

    public override UnsharpMaskParams Sample(RandomStream rng, ImageInfo input)
    {
        var size = OddKernel.Draw(rng, Arguments.Range("blur_limit"));
        var sigma = Draw(rng, "sigma_limit");
        var alpha = Draw(rng, "alpha");
        return new UnsharpMaskParams(size, sigma, alpha);
    }

    public override ImageBuffer Apply(ImageBuffer image, UnsharpMaskParams p)
    {
        // OpenCV's own rule for sigma 0, computed here so the blur's kernel does not depend on it.
        var sigma = p.Sigma > 0 ? p.Sigma : (0.3 * (((p.KernelSize - 1) * 0.5) - 1)) + 0.8;
        var max = ImageInfo.Of(image).MaxValue;
        var threshold = Arguments.Integer("threshold") * max / 255.0;
        using var blur = image.Clone();
        blur.Native.GaussianBlur(p.KernelSize, p.KernelSize, sigma, sigma);
        using var mask = ImageBuffer.Create(image.Width, image.Height, 8, image.Channels);
        var samples = image.Width * image.Channels;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            var blurred = blur.Row(y);
            var marks = mask.Row(y);
            for (var i = 0; i < samples; i++)
            {
                marks[i] = Math.Abs(Sample(row, i, image.DepthBits) - Sample(blurred, i, image.DepthBits)) > threshold ? (byte)255 : (byte)0;
            }
        }

        mask.Native.GaussianBlur(p.KernelSize, p.KernelSize, sigma, sigma);
        var colour = image.Channels == 4 ? 3 : image.Channels;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            var blurred = blur.Row(y);
            var marks = mask.Row(y);
            for (var i = 0; i < samples; i++)
            {
                if (i % image.Channels >= colour)
                {
                    continue; // alpha stays as it is
                }

                var v = Sample(row, i, image.DepthBits);
                var sharp = Math.Clamp(v + (p.Alpha * (v - Sample(blurred, i, image.DepthBits))), 0, max);
                var soft = marks[i] / 255.0;
                Write(row, i, image.DepthBits, Math.Round((soft * sharp) + ((1 - soft) * v), MidpointRounding.AwayFromZero));
            }
        }

        return image;
    }

    private static double Sample(Span<byte> row, int i, int depthBits) => depthBits == 16 ? MemoryMarshal.Cast<byte, ushort>(row)[i] : row[i];

    private static void Write(Span<byte> row, int i, int depthBits, double value)
    {
        if (depthBits == 16)
        {
            MemoryMarshal.Cast<byte, ushort>(row)[i] = (ushort)value;
        }
        else
        {
            row[i] = (byte)value;
        }
    }
}
