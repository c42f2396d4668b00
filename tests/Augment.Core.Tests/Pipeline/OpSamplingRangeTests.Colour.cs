using Augment.Core.Ops.Pixel;
using Augment.Core.Ops;

namespace Augment.Core.Tests.Pipeline;

/// <summary>Sampling ranges of the colour ops: pipeline -> (sampled value, low, high) for each parameter of one draw.</summary>
public sealed partial class OpSamplingRangeTests
{
    private static Dictionary<string, Func<IOpParams, (double Value, double Low, double High)[]>> ColourRanges => new()
    {
        ["- ChannelShuffle: { p: 1 }"] = p => [.. ((ChannelOrderParams)p).Order.Select(c => ((double)c, 0.0, 2.0))],
        ["- ChannelDropout: { channel_drop_range: [1, 2], p: 1 }"] = p =>
        {
            var dropped = ((ChannelDropoutParams)p).Channels;
            return [(dropped.Count, 1, 2), .. dropped.Select(c => ((double)c, 0.0, 2.0))];
        },
    };
}
