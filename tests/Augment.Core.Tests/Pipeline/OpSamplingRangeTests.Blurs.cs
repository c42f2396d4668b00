using Augment.Core.Ops.Pixel;
using Augment.Core.Ops;

namespace Augment.Core.Tests.Pipeline;

/// <summary>Sampling ranges of the blurs ops: pipeline -> (sampled value, low, high) for each parameter of one draw.</summary>
public sealed partial class OpSamplingRangeTests
{
    private static Dictionary<string, Func<IOpParams, (double Value, double Low, double High)[]>> BlursRanges => new()
    {
        ["- Blur: { blur_limit: [5, 11], p: 1 }"] = p => [(((KernelSizeParams)p).KernelSize, 5, 11)],
        ["- Emboss: { alpha: [0.1, 0.6], strength: [0.3, 1.2], p: 1 }"] = p =>
        {
            var e = (EmbossParams)p;
            return [(e.Alpha, 0.1, 0.6), (e.Strength, 0.3, 1.2)];
        },
        ["- UnsharpMask: { blur_limit: [5, 9], sigma_limit: [0.5, 2], alpha: [0.3, 0.8], p: 1 }"] = p =>
        {
            var u = (UnsharpMaskParams)p;
            return [(u.KernelSize, 5, 9), (u.Sigma, 0.5, 2), (u.Alpha, 0.3, 0.8)];
        },
    };
}
