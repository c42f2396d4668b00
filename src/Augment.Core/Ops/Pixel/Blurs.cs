using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

public sealed record KernelSizeParams(int KernelSize) : IOpParams;

/// <summary>Odd kernel sizes from a [low, high] range, as Albumentations' blur_limit.</summary>
internal static class OddKernel
{
    public static RangeParam Spec((double, double) defaultValue) =>
        new("blur_limit", "kernel size range; odd sizes are drawn", defaultValue, 3, 255, ScalarRange.Fixed, integer: true);

    /// <summary>Refuses a range that holds no odd size, at the parameter.</summary>
    public static void Check(OpArguments arguments)
    {
        var (low, high) = arguments.Range("blur_limit");
        if (((int)low | 1) > (int)high)
        {
            throw new OpArgumentException("blur_limit", $"kernel sizes are odd; [{low}, {high}] holds no odd size");
        }
    }

    public static int Draw(RandomStream rng, (double Low, double High) range)
    {
        var first = (int)range.Low | 1;
        var count = Math.Max(1, (((int)range.High - first) / 2) + 1);
        return first + (2 * (int)rng.NextInt64(0, count));
    }
}

/// <summary>cv::medianBlur with an odd kernel; 16-bit images take kernels of 3 or 5 (OpenCV's limit).</summary>
public sealed class MedianBlur(OpDescriptor descriptor, OpArguments arguments) : PixelOp<KernelSizeParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "MedianBlur", OpFamily.Pixel, "median filter", 0.5, [OddKernel.Spec((3, 7))],
        (d, a) =>
        {
            OddKernel.Check(a);
            return new MedianBlur(d, a);
        });

    public override KernelSizeParams Sample(RandomStream rng, ImageInfo input)
    {
        var size = OddKernel.Draw(rng, Arguments.Range("blur_limit"));
        return new KernelSizeParams(input.DepthBits == 16 ? Math.Min(size, 5) : size);
    }

    public override ImageBuffer Apply(ImageBuffer image, KernelSizeParams p)
    {
        image.Native.MedianBlur(p.KernelSize);
        return image;
    }
}

/// <summary>A motion blur line: kernel size, angle in degrees, and direction (-1 to 1: where the line's weight sits).</summary>
public sealed record MotionBlurParams(int KernelSize, double Angle, double Direction) : IOpParams;

/// <summary>
/// Convolves with an anti-aliased line through the kernel's centre at a random angle; the direction
/// shifts the line towards one end (0 keeps it centred), as Albumentations 2.x.
/// </summary>
public sealed class MotionBlur(OpDescriptor descriptor, OpArguments arguments) : PixelOp<MotionBlurParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "MotionBlur", OpFamily.Pixel, "blur along a random line", 0.5,
        [
            OddKernel.Spec((3, 7)),
            new RangeParam("angle_range", "line angle range in degrees", (0, 360), -360, 360),
            new RangeParam("direction_range", "direction range: -1 backward, 0 both ways, 1 forward", (-1, 1), -1, 1),
        ],
        (d, a) =>
        {
            OddKernel.Check(a);
            return new MotionBlur(d, a);
        });

    public override MotionBlurParams Sample(RandomStream rng, ImageInfo input)
    {
        var size = OddKernel.Draw(rng, Arguments.Range("blur_limit"));
        var (aLow, aHigh) = Arguments.Range("angle_range");
        var angle = rng.Uniform(aLow, aHigh);
        var direction = Draw(rng, "direction_range");
        return new MotionBlurParams(size, angle, direction);
    }

    public override ImageBuffer Apply(ImageBuffer image, MotionBlurParams p)
    {
        image.Native.Filter(Kernel(p), p.KernelSize, p.KernelSize);
        return image;
    }

    /// <summary>Weights fall off linearly with the distance from the segment; they sum to 1.</summary>
    internal static float[] Kernel(MotionBlurParams p)
    {
        var k = p.KernelSize;
        var half = (k - 1) / 2.0;
        var (sin, cos) = Math.SinCos(p.Angle * Math.PI / 180);
        // The segment runs from t0 to t1 along the angle; direction moves it off centre.
        var t0 = -half * (1 - Math.Max(0, p.Direction));
        var t1 = half * (1 + Math.Min(0, p.Direction));
        var kernel = new float[k * k];
        for (var y = 0; y < k; y++)
        {
            for (var x = 0; x < k; x++)
            {
                var (px, py) = (x - half, y - half);
                var t = Math.Clamp((px * cos) + (py * sin), t0, t1);
                var distance = Math.Sqrt(Math.Pow(px - (t * cos), 2) + Math.Pow(py - (t * sin), 2));
                kernel[(y * k) + x] = (float)Math.Max(0, 1 - distance);
            }
        }

        var sum = kernel.Sum();
        return kernel.Select(v => v / sum).ToArray();
    }
}

public sealed record SharpenParams(double Alpha, double Lightness) : IOpParams;

/// <summary>
/// Sharpens with the kernel (1 - alpha) * identity + alpha * [[-1,-1,-1],[-1,8+lightness,-1],[-1,-1,-1]],
/// as Albumentations' kernel method.
/// </summary>
public sealed class Sharpen(OpDescriptor descriptor, OpArguments arguments) : PixelOp<SharpenParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Sharpen", OpFamily.Pixel, "sharpen with a 3x3 kernel", 0.5,
        [
            new RangeParam("alpha", "blend of the sharpened image range", (0.2, 0.5), 0, 1),
            new RangeParam("lightness", "lightness of the sharpened image range", (0.5, 1.0), 0, 10),
        ],
        (d, a) => new Sharpen(d, a));

    public override SharpenParams Sample(RandomStream rng, ImageInfo input)
    {
        var (aLow, aHigh) = Arguments.Range("alpha");
        var alpha = rng.Uniform(aLow, aHigh);
        var lightness = Draw(rng, "lightness");
        return new SharpenParams(alpha, lightness);
    }

    public override ImageBuffer Apply(ImageBuffer image, SharpenParams p)
    {
        var a = (float)p.Alpha;
        var centre = (float)((1 - p.Alpha) + (p.Alpha * (8 + p.Lightness)));
        float[] kernel = [-a, -a, -a, -a, centre, -a, -a, -a, -a];
        image.Native.Filter(kernel, 3, 3);
        return image;
    }
}
