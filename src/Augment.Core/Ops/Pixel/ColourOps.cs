using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>Shifts in Albumentations' units: hue in OpenCV 8-bit hue steps (2 degrees), saturation and value in 8-bit steps.</summary>
public sealed record HueSaturationValueParams(double HueShift, double SaturationShift, double ValueShift) : IOpParams;

/// <summary>Shifts hue, saturation and value; 16-bit images get the same shifts scaled to their range.</summary>
public sealed class HueSaturationValue(OpDescriptor descriptor, OpArguments arguments) : PixelOp<HueSaturationValueParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "HueSaturationValue", OpFamily.Pixel, "shift hue, saturation and value", 0.5,
        [
            new RangeParam("hue_shift_limit", "hue shift range in OpenCV 8-bit hue steps (2 degrees); x means [-x, x]", (-20, 20), -180, 180, ScalarRange.Symmetric),
            new RangeParam("sat_shift_limit", "saturation shift range in 8-bit steps; x means [-x, x]", (-30, 30), -255, 255, ScalarRange.Symmetric),
            new RangeParam("val_shift_limit", "value shift range in 8-bit steps; x means [-x, x]", (-20, 20), -255, 255, ScalarRange.Symmetric),
        ],
        (d, a) => new HueSaturationValue(d, a));

    public override HueSaturationValueParams Sample(RandomStream rng, ImageInfo input)
    {
        var hue = Draw(rng, "hue_shift_limit");
        var saturation = Draw(rng, "sat_shift_limit");
        var value = Draw(rng, "val_shift_limit");
        return new HueSaturationValueParams(hue, saturation, value);
    }

    public override ImageBuffer Apply(ImageBuffer image, HueSaturationValueParams p)
    {
        image.Native.HsvShift(p.HueShift * 2, p.SaturationShift / 255.0, p.ValueShift / 255.0);
        return image;
    }
}

/// <summary>Brightness, contrast and saturation factors, hue shift as a fraction of a turn, and the order they apply in.</summary>
public sealed record ColorJitterParams(double Brightness, double Contrast, double Saturation, double Hue, IReadOnlyList<int> Order) : IOpParams
{
    public bool Equals(ColorJitterParams? other) =>
        other is not null && (Brightness, Contrast, Saturation, Hue) == (other.Brightness, other.Contrast, other.Saturation, other.Hue) && Order.SequenceEqual(other.Order);

    public override int GetHashCode() => HashCode.Combine(Brightness, Contrast, Saturation, Hue);
}

/// <summary>torchvision's ColorJitter: the four adjustments in a random order.</summary>
public sealed class ColorJitter(OpDescriptor descriptor, OpArguments arguments) : PixelOp<ColorJitterParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "ColorJitter", OpFamily.Pixel, "random brightness, contrast, saturation and hue, in random order", 0.5,
        [
            new RangeParam("brightness", "brightness factor range; x means [1 - x, 1 + x]", (0.8, 1.2), 0, 10, ScalarRange.AroundOne),
            new RangeParam("contrast", "contrast factor range; x means [1 - x, 1 + x]", (0.8, 1.2), 0, 10, ScalarRange.AroundOne),
            new RangeParam("saturation", "saturation factor range; x means [1 - x, 1 + x]", (0.8, 1.2), 0, 10, ScalarRange.AroundOne),
            new RangeParam("hue", "hue shift range as a fraction of a full turn; x means [-x, x]", (-0.5, 0.5), -0.5, 0.5, ScalarRange.Symmetric),
        ],
        (d, a) => new ColorJitter(d, a));

    public override ColorJitterParams Sample(RandomStream rng, ImageInfo input)
    {
        var brightness = Draw(rng, "brightness");
        var contrast = Draw(rng, "contrast");
        var saturation = Draw(rng, "saturation");
        var hue = Draw(rng, "hue");
        var order = new[] { 0, 1, 2, 3 };
        for (var i = 3; i > 0; i--)
        {
            var j = (int)rng.NextInt64(0, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return new ColorJitterParams(brightness, contrast, saturation, hue, order);
    }

    public override ImageBuffer Apply(ImageBuffer image, ColorJitterParams p)
    {
        image.Native.ColorJitter(p.Brightness, p.Contrast, p.Saturation, p.Hue * 360, p.Order.ToArray());
        return image;
    }
}

/// <summary>Per-channel shifts in 8-bit steps (scaled for 16-bit images).</summary>
public sealed record RGBShiftParams(double Red, double Green, double Blue) : IOpParams;

public sealed class RGBShift(OpDescriptor descriptor, OpArguments arguments) : PixelOp<RGBShiftParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "RGBShift", OpFamily.Pixel, "shift the red, green and blue channels", 0.5,
        [
            new RangeParam("r_shift_limit", "red shift range in 8-bit steps; x means [-x, x]", (-20, 20), -255, 255, ScalarRange.Symmetric),
            new RangeParam("g_shift_limit", "green shift range in 8-bit steps; x means [-x, x]", (-20, 20), -255, 255, ScalarRange.Symmetric),
            new RangeParam("b_shift_limit", "blue shift range in 8-bit steps; x means [-x, x]", (-20, 20), -255, 255, ScalarRange.Symmetric),
        ],
        (d, a) => new RGBShift(d, a));

    public override RGBShiftParams Sample(RandomStream rng, ImageInfo input)
    {
        var red = Draw(rng, "r_shift_limit");
        var green = Draw(rng, "g_shift_limit");
        var blue = Draw(rng, "b_shift_limit");
        return new RGBShiftParams(red, green, blue);
    }

    public override ImageBuffer Apply(ImageBuffer image, RGBShiftParams p)
    {
        var scale = image.DepthBits == 16 ? 257.0 : 1.0;
        double[] shifts = image.Channels switch
        {
            1 => [(p.Red + p.Green + p.Blue) / 3 * scale],
            3 => [p.Blue * scale, p.Green * scale, p.Red * scale], // buffers are BGR
            _ => [p.Blue * scale, p.Green * scale, p.Red * scale, 0],
        };
        image.Native.Add(shifts);
        return image;
    }
}

/// <summary>Replaces colour by its luma (OpenCV's BGR2GRAY weights), keeping the channel count.</summary>
public sealed class ToGray(OpDescriptor descriptor, OpArguments arguments) : PixelOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "ToGray", OpFamily.Pixel, "convert to gray, keeping the channel count", 0.5, [],
        (d, a) => new ToGray(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override ImageBuffer Apply(ImageBuffer image, NoParams p)
    {
        image.Native.ToGray();
        return image;
    }
}

public sealed record ClaheParams(double ClipLimit) : IOpParams;

/// <summary>Contrast-limited adaptive histogram equalisation (on Lab lightness for colour).</summary>
public sealed class CLAHE(OpDescriptor descriptor, OpArguments arguments) : PixelOp<ClaheParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "CLAHE", OpFamily.Pixel, "contrast-limited adaptive histogram equalisation", 0.5,
        [
            new RangeParam("clip_limit", "clip limit range; x means [1, x]", (1, 4), 0.01, 1000, ScalarRange.OneTo),
            new RangeParam("tile_grid_size", "tiles [rows, columns]", (8, 8), 1, 256, integer: true, ordered: false),
        ],
        (d, a) => new CLAHE(d, a));

    public override ClaheParams Sample(RandomStream rng, ImageInfo input)
    {
        var (low, high) = Arguments.Range("clip_limit");
        return new ClaheParams(rng.Uniform(low, high));
    }

    public override ImageBuffer Apply(ImageBuffer image, ClaheParams p)
    {
        var (rows, columns) = Arguments.Range("tile_grid_size");
        image.Native.Clahe(p.ClipLimit, (int)columns, (int)rows);
        return image;
    }
}

/// <summary>Histogram equalisation of every colour channel.</summary>
public sealed class Equalize(OpDescriptor descriptor, OpArguments arguments) : PixelOp<NoParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Equalize", OpFamily.Pixel, "equalise the histogram of every colour channel", 0.5, [],
        (d, a) => new Equalize(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override ImageBuffer Apply(ImageBuffer image, NoParams p)
    {
        image.Native.Equalize();
        return image;
    }
}
