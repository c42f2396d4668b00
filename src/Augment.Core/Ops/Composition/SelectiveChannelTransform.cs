using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>
/// Runs its children, pixel ops each with its own <c>p</c>, on an image made of the selected
/// channels only, then writes those channels back, as Albumentations' SelectiveChannelTransform.
/// Channels are numbered as Albumentations numbers them: R, G, B(, A), or 0 for gray; the child sees
/// an image of 1, 3 or 4 channels in the order the list gives them (so [2, 1, 0] swaps red and blue
/// for the child). Masks are untouched, as by any pixel op.
/// </summary>
public sealed class SelectiveChannelTransform : CompositionOp
{
    private SelectiveChannelTransform(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
        Channels = [.. arguments.Numbers("channels").Select(v => (int)v)];
        if (FirstNonPixel(Children) is { } other)
        {
            throw new OpArgumentException(
                "transforms", $"{other.Descriptor.Name} is a {other.Descriptor.Family.ToString().ToLowerInvariant()} op; SelectiveChannelTransform runs pixel ops only, on the channels it selects");
        }
    }

    public static OpDescriptor Definition { get; } = new(
        "SelectiveChannelTransform", OpFamily.Composition, "run pixel ops on the selected channels only", 1.0,
        [Transforms(), new ChannelListParam("channels", "the channels the child ops see, in R, G, B(, A) order", [0, 1, 2])],
        (d, a) => new SelectiveChannelTransform(d, a));

    /// <summary>The selected channels, in R, G, B(, A) numbering.</summary>
    public IReadOnlyList<int> Channels { get; }

    public override bool ForcesChildren => false;

    public override IReadOnlyList<int> Choose(RandomStream rng) => Enumerable.Range(0, Children.Count).ToList();

    /// <summary>What the children see: the selected channels of <paramref name="input"/>, which must have them.</summary>
    public ImageInfo ChildInput(ImageInfo input)
    {
        foreach (var channel in Channels)
        {
            if (channel >= input.Channels || (input.Channels == 1 && channel != 0))
            {
                throw new OpApplicationException(
                    Descriptor.Name, $"channels names channel {channel}, but the image has {input.Channels} channel{(input.Channels == 1 ? string.Empty : "s")}");
            }
        }

        return input with { Channels = Channels.Count };
    }

    /// <summary>Runs <paramref name="apply"/> on the selected channels of <paramref name="image"/> and writes them back in place.</summary>
    public void ApplyTo(ImageBuffer image, Func<ImageBuffer, ImageBuffer> apply)
    {
        ChildInput(ImageInfo.Of(image));
        var sample = image.DepthBits / 8;
        var count = Channels.Count;
        // Where each channel of the child's image lives in the source pixel (both in memory order, BGR(A)).
        var from = Enumerable.Range(0, count).Select(j => MemoryIndex(Channels[RgbaIndex(j, count)], image.Channels)).ToArray();
        var sub = ImageBuffer.Create(image.Width, image.Height, image.DepthBits, count);
        try
        {
            for (var y = 0; y < image.Height; y++)
            {
                Copy(image.Row(y), image.Channels, sub.Row(y), count, from, sample, toSub: true);
            }

            var result = apply(sub);
            if (!ReferenceEquals(result, sub))
            {
                sub.Dispose();
                sub = result;
            }

            if (sub.Width != image.Width || sub.Height != image.Height || sub.Channels != count || sub.DepthBits != image.DepthBits)
            {
                throw new OpApplicationException(Descriptor.Name, $"a child op changed the selected channels' image to {sub}");
            }

            for (var y = 0; y < image.Height; y++)
            {
                Copy(image.Row(y), image.Channels, sub.Row(y), count, from, sample, toSub: false);
            }
        }
        finally
        {
            sub.Dispose();
        }
    }

    // Channel j (memory order) of a 1-, 3- or 4-channel image, in R, G, B, A numbering.
    private static int RgbaIndex(int j, int channels) => channels == 1 ? 0 : j < 3 ? 2 - j : 3;

    // Where channel c (R, G, B, A numbering) of an image with the given channel count sits in memory.
    private static int MemoryIndex(int c, int channels) => channels == 1 ? 0 : c < 3 ? 2 - c : 3;

    private static void Copy(Span<byte> full, int fullChannels, Span<byte> sub, int subChannels, int[] from, int sample, bool toSub)
    {
        var pixels = full.Length / (fullChannels * sample);
        for (var x = 0; x < pixels; x++)
        {
            for (var j = 0; j < subChannels; j++)
            {
                var f = full.Slice(((x * fullChannels) + from[j]) * sample, sample);
                var s = sub.Slice(((x * subChannels) + j) * sample, sample);
                if (toSub)
                {
                    f.CopyTo(s);
                }
                else
                {
                    s.CopyTo(f);
                }
            }
        }
    }

    private static IOp? FirstNonPixel(IEnumerable<IOp> ops)
    {
        foreach (var op in ops)
        {
            var found = op switch
            {
                ICompositionOp composition => FirstNonPixel(composition.Children),
                IPixelOp => null,
                _ => op,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
