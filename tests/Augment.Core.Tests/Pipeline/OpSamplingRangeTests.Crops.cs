using Augment.Core.Ops.Spatial;
using Augment.Core.Ops;

namespace Augment.Core.Tests.Pipeline;

/// <summary>Sampling ranges of the crops ops: pipeline -> (sampled value, low, high) for each parameter of one draw.</summary>
public sealed partial class OpSamplingRangeTests
{
    private static Dictionary<string, Func<IOpParams, (double Value, double Low, double High)[]>> CropsRanges => new()
    {
        ["- RandomScale: { scale_limit: [-0.4, 0.3], p: 1 }"] = p => [(((ScaleParams)p).Scale, 0.6, 1.3)],
        ["- RandomSizedCrop: { min_max_height: [40, 100], size: [64, 64], w2h_ratio: 1.5, p: 1 }"] = p =>
        {
            var c = (ResizedCropParams)p;
            Assert.Equal((int)(c.Height * 1.5), c.Width);
            return [(c.Height, 40, 100), (c.X, 0, 200 - c.Width), (c.Y, 0, 120 - c.Height)];
        },
        ["- Crop: { x_max: 500, y_max: 400, pad_if_needed: true, pad_position: random, p: 1 }"] = p =>
        {
            var pad = (PadParams)p;
            return [(pad.Left, 0, 500 - 200), (pad.Top, 0, 400 - 120)];
        },
    };
}
