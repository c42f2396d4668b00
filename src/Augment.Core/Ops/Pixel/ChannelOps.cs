using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

/// <summary>Output channel i (in R, G, B order) takes input channel <see cref="Order"/>[i].</summary>
public sealed record ChannelOrderParams(IReadOnlyList<int> Order) : IOpParams
{
    public bool Equals(ChannelOrderParams? other) => other is not null && Order.SequenceEqual(other.Order);

    public override int GetHashCode() => Order.Count;
}

/// <summary>
/// Permutes the colour channels at random, as Albumentations' ChannelShuffle. A gray image has one
/// order only; an alpha channel stays where it is.
/// </summary>
public sealed class ChannelShuffle(OpDescriptor descriptor, OpArguments arguments) : PixelOp<ChannelOrderParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "ChannelShuffle", OpFamily.Pixel, "permute the colour channels at random", 0.5, [],
        (d, a) => new ChannelShuffle(d, a));

    public override ChannelOrderParams Sample(RandomStream rng, ImageInfo input)
    {
        var order = Enumerable.Range(0, input.Channels == 1 ? 1 : 3).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)rng.NextInt64(0, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return new ChannelOrderParams(order);
    }

    public override ImageBuffer Apply(ImageBuffer image, ChannelOrderParams p)
    {
        if (image.Channels == 1)
        {
            return image;
        }

        // Buffers are BGR: RGB channel r sits at 2 - r.
        var source = new double[3];
        SampleWriter.ForEachPixel(image, pixel =>
        {
            pixel.AsSpan(0, 3).CopyTo(source);
            for (var r = 0; r < 3; r++)
            {
                pixel[2 - r] = source[2 - p.Order[r]];
            }
        });
        return image;
    }
}

/// <summary>The colour channels (R, G, B order) set to the fill value.</summary>
public sealed record ChannelDropoutParams(IReadOnlyList<int> Channels) : IOpParams
{
    public bool Equals(ChannelDropoutParams? other) => other is not null && Channels.SequenceEqual(other.Channels);

    public override int GetHashCode() => Channels.Count;
}

/// <summary>
/// Sets a random number of the colour channels (drawn from <c>channel_drop_range</c>, at most all
/// but one) to <c>fill</c>, as Albumentations' ChannelDropout. A gray image has no channel it could
/// drop and keep one, so it stays as it is (Albumentations refuses it).
/// </summary>
public sealed class ChannelDropout(OpDescriptor descriptor, OpArguments arguments) : PixelOp<ChannelDropoutParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "ChannelDropout", OpFamily.Pixel, "set random colour channels to a fill value", 0.5,
        [
            new RangeParam("channel_drop_range", "range of how many channels to drop (at most all but one)", (1, 1), 1, 2, ScalarRange.Fixed, integer: true),
            new NumberParam("fill", "value of the dropped channels, in the image's own units (255 is white in 8-bit)", 0, 0, 65535),
        ],
        (d, a) => new ChannelDropout(d, a));

    public override ChannelDropoutParams Sample(RandomStream rng, ImageInfo input)
    {
        if (input.Channels == 1)
        {
            return new ChannelDropoutParams([]);
        }

        var (low, high) = Arguments.Range("channel_drop_range");
        var count = rng.NextIntInclusive((int)low, (int)high);
        var channels = new List<int> { 0, 1, 2 };
        var dropped = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var at = (int)rng.NextInt64(0, channels.Count);
            dropped.Add(channels[at]);
            channels.RemoveAt(at);
        }

        dropped.Sort();
        return new ChannelDropoutParams(dropped);
    }

    public override ImageBuffer Apply(ImageBuffer image, ChannelDropoutParams p)
    {
        if (p.Channels.Count == 0)
        {
            return image;
        }

        var fill = Math.Min(Arguments.Number("fill"), ImageInfo.Of(image).MaxValue);
        SampleWriter.ForEachPixel(image, pixel =>
        {
            foreach (var r in p.Channels)
            {
                pixel[2 - r] = fill;
            }
        });
        return image;
    }
}

/// <summary>
/// The classic sepia matrix on R, G, B (rounded half away from zero, clamped), as Albumentations'
/// ToSepia. A gray image becomes the luma (0.299, 0.587, 0.114) of its sepia colour, one channel still.
/// </summary>
public sealed class ToSepia(OpDescriptor descriptor, OpArguments arguments) : PixelOp<NoParams>(descriptor, arguments)
{
    private static readonly double[,] Sepia =
    {
        { 0.393, 0.769, 0.189 },
        { 0.349, 0.686, 0.168 },
        { 0.272, 0.534, 0.131 },
    };

    public static OpDescriptor Definition { get; } = new(
        "ToSepia", OpFamily.Pixel, "sepia tone", 0.5, [],
        (d, a) => new ToSepia(d, a));

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override ImageBuffer Apply(ImageBuffer image, NoParams p)
    {
        var max = ImageInfo.Of(image).MaxValue;
        if (image.Channels == 1)
        {
            // v -> luma of (rowsum_r * v, rowsum_g * v, rowsum_b * v): one factor, one lookup table.
            var factor = (0.299 * RowSum(0)) + (0.587 * RowSum(1)) + (0.114 * RowSum(2));
            LookupTable.Apply(image, v => Math.Min(factor * v, max));
            return image;
        }

        var rgb = new double[3];
        SampleWriter.ForEachPixel(image, pixel =>
        {
            (rgb[0], rgb[1], rgb[2]) = (pixel[2], pixel[1], pixel[0]);
            for (var r = 0; r < 3; r++)
            {
                var value = (Sepia[r, 0] * rgb[0]) + (Sepia[r, 1] * rgb[1]) + (Sepia[r, 2] * rgb[2]);
                pixel[2 - r] = Math.Min(Math.Round(value, MidpointRounding.AwayFromZero), max);
            }
        });
        return image;
    }

    private static double RowSum(int row) => Sepia[row, 0] + Sepia[row, 1] + Sepia[row, 2];
}
