using Augment.Core.Ops.Pixel;
using Augment.Core.Ops;

namespace Augment.Core.Tests.Pipeline;

/// <summary>Sampling ranges of the noise ops: pipeline -> (sampled value, low, high) for each parameter of one draw.</summary>
public sealed partial class OpSamplingRangeTests
{
    private static Dictionary<string, Func<IOpParams, (double Value, double Low, double High)[]>> NoiseRanges => new()
    {
        ["- MultiplicativeNoise: { multiplier: [0.6, 1.4], per_channel: true, p: 1 }"] = p => [.. ((MultiplicativeNoiseParams)p).Multipliers.Select(m => (m, 0.6, 1.4))],
    };
}
