using Augment.Core.Ops;

namespace Augment.Core.Tests.Pipeline;

/// <summary>Sampling ranges of the noise ops: pipeline -> (sampled value, low, high) for each parameter of one draw.</summary>
public sealed partial class OpSamplingRangeTests
{
    private static Dictionary<string, Func<IOpParams, (double Value, double Low, double High)[]>> NoiseRanges => new()
    {
    };
}
