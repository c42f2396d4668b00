using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;
using Augment.Core.Randomness;

namespace Augment.Core.Tests.Pipeline;

/// <summary>
/// Every sampled parameter of the ops OpSamplingTests does not cover stays in its configured range
/// over many draws and reaches near both ends (a draw fixed at one value would fail). Each case
/// names the configured range next to the field it bounds. Ops that draw only a field seed
/// (ElasticTransform) or nothing (flips, Resize, Equalize, ...) have no range to check.
/// </summary>
public sealed partial class OpSamplingRangeTests
{
    private const int Draws = 2000;

    private static readonly ImageInfo Info = new(200, 120, 3, 8);

    public static TheoryData<string> Cases() => new(Ranges.Keys);

    // pipeline -> (sampled value, low, high) for each parameter of one draw.
    private static readonly Dictionary<string, Func<IOpParams, (double Value, double Low, double High)[]>> Ranges =
        new[] { CoreRanges, BlursRanges, ColourRanges, NoiseRanges, WeatherRanges, CropsRanges, DistortionsRanges, DropoutsRanges, CompositionsRanges, MosaicRanges }
            .SelectMany(d => d).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static Dictionary<string, Func<IOpParams, (double Value, double Low, double High)[]>> CoreRanges => new()
    {
        ["- ShiftScaleRotate: { shift_limit: [-0.1, 0.2], scale_limit: [-0.2, 0.3], rotate_limit: [-10, 30], p: 1 }"] = p =>
        {
            var s = (ShiftScaleRotateParams)p;
            return [(s.ShiftX, -0.1, 0.2), (s.ShiftY, -0.1, 0.2), (s.Scale, 0.8, 1.3), (s.Angle, -10, 30)];
        },
        ["- GridDistortion: { num_steps: 4, distort_limit: [-0.2, 0.4], p: 1 }"] = p =>
        {
            var g = (GridDistortionParams)p;
            return [.. g.StepsX.Concat(g.StepsY).Select(v => (v, 0.8, 1.4))];
        },
        ["- RandomCrop: { height: 50, width: 80, p: 1 }"] = p =>
        {
            var c = (CropParams)p;
            return [(c.X, 0, 200 - 80), (c.Y, 0, 120 - 50)];
        },
        ["- RandomResizedCrop: { size: [64, 64], scale: [0.2, 0.6], ratio: [0.5, 2.0], p: 1 }"] = p =>
        {
            var r = (ResizedCropParams)p;
            double area = r.Width * r.Height / (200.0 * 120.0);
            double ratio = (double)r.Width / r.Height;
            // Whole-pixel rounding of the crop moves area and ratio slightly past the drawn values.
            return [(area, 0.19, 0.61), (ratio, 0.49, 2.02), (r.X, 0, 200 - r.Width), (r.Y, 0, 120 - r.Height)];
        },
        ["- PadIfNeeded: { min_height: 160, min_width: 260, position: random, p: 1 }"] = p =>
        {
            var pad = (PadParams)p;
            return [(pad.Left, 0, 60), (pad.Top, 0, 40)];
        },
        ["- CoarseDropout: { num_holes_range: [2, 5], hole_height_range: [10, 30], hole_width_range: [0.1, 0.3], p: 1 }"] = p =>
        {
            var holes = ((CoarseDropoutParams)p).Holes;
            return
            [
                (holes.Count, 2, 5),
                .. holes.Select(h => ((double)h.Height, 10.0, 30.0)),
                .. holes.Select(h => ((double)h.Width, 20.0, 60.0)),
                .. holes.Select(h => ((double)h.X, 0.0, 200.0 - h.Width)),
            ];
        },
        ["- RandomGamma: { gamma_limit: [70, 150], p: 1 }"] = p => [(((GammaParams)p).Gamma, 0.7, 1.5)],
        ["- HueSaturationValue: { hue_shift_limit: [-10, 30], sat_shift_limit: 15, val_shift_limit: [0, 40], p: 1 }"] = p =>
        {
            var h = (HueSaturationValueParams)p;
            return [(h.HueShift, -10, 30), (h.SaturationShift, -15, 15), (h.ValueShift, 0, 40)];
        },
        ["- ColorJitter: { brightness: 0.3, contrast: [0.5, 1.5], saturation: [0.9, 1.1], hue: 0.1, p: 1 }"] = p =>
        {
            var c = (ColorJitterParams)p;
            return [(c.Brightness, 0.7, 1.3), (c.Contrast, 0.5, 1.5), (c.Saturation, 0.9, 1.1), (c.Hue, -0.1, 0.1)];
        },
        ["- RGBShift: { r_shift_limit: 10, g_shift_limit: [-30, 0], b_shift_limit: [5, 25], p: 1 }"] = p =>
        {
            var s = (RGBShiftParams)p;
            return [(s.Red, -10, 10), (s.Green, -30, 0), (s.Blue, 5, 25)];
        },
        ["- CLAHE: { clip_limit: [2, 6], p: 1 }"] = p => [(((ClaheParams)p).ClipLimit, 2, 6)],
        ["- Posterize: { num_bits: [2, 6], p: 1 }"] = p => [(((PosterizeParams)p).Bits, 2, 6)],
        ["- Solarize: { threshold_range: [0.2, 0.7], p: 1 }"] = p => [(((SolarizeParams)p).Threshold, 0.2, 0.7)],
        ["- MedianBlur: { blur_limit: [3, 9], p: 1 }"] = p => [(((KernelSizeParams)p).KernelSize, 3, 9)],
        ["- MotionBlur: { blur_limit: [5, 11], angle_range: [10, 80], direction_range: [-0.5, 0.5], p: 1 }"] = p =>
        {
            var m = (MotionBlurParams)p;
            return [(m.KernelSize, 5, 11), (m.Angle, 10, 80), (m.Direction, -0.5, 0.5)];
        },
        ["- Sharpen: { alpha: [0.1, 0.9], lightness: [0.2, 2.0], p: 1 }"] = p =>
        {
            var s = (SharpenParams)p;
            return [(s.Alpha, 0.1, 0.9), (s.Lightness, 0.2, 2.0)];
        },
        ["- GaussNoise: { std_range: [0.01, 0.2], mean_range: [-0.1, 0.05], p: 1 }"] = p =>
        {
            var g = (GaussNoiseParams)p;
            return [(g.Std, 0.01, 0.2), (g.Mean, -0.1, 0.05)];
        },
        ["- SaltAndPepper: { amount: [0.02, 0.1], salt_vs_pepper: [0.2, 0.8], p: 1 }"] = p =>
        {
            var s = (SaltAndPepperParams)p;
            return [(s.Amount, 0.02, 0.1), (s.SaltRatio, 0.2, 0.8)];
        },
        ["- ImageCompression: { quality_range: [20, 60], p: 1 }"] = p => [(((QualityParams)p).Quality, 20, 60)],
        ["- Downscale: { scale_range: [0.2, 0.7], p: 1 }"] = p => [(((DownscaleParams)p).Scale, 0.2, 0.7)],
        ["- Perspective: { scale: [0.05, 0.1], p: 1 }"] = p =>
        {
            // Each corner moves inward by |N(0, s)| mod 0.32 of the size: between 0 and 0.32 * (size - 1).
            var c = ((PerspectiveParams)p).Corners;
            double w = 199, h = 119;
            return [(c[0], 0, 0.32 * w), (c[1], 0, 0.32 * h), (w - c[2], 0, 0.32 * w), (h - c[5], 0, 0.32 * h)];
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_sampled_parameter_stays_in_its_range_and_spreads_over_it(string pipelineYaml)
    {
        var pipeline = PipelineTestKit.Pipeline(pipelineYaml);
        var draws = Enumerable.Range(0, Draws)
            .Select(i => Assert.Single(PipelineSampler.Sample(pipeline, ItemSeed.Derive(3, $"images/{i}.png", i % 5), Info)).Params!)
            .Select(p => Ranges[pipelineYaml](p))
            .ToList();

        var columns = draws.Min(d => d.Length);
        for (var column = 0; column < columns; column++)
        {
            var values = draws.Select(d => d[column]).ToList();
            Assert.All(values, v => Assert.InRange(v.Value, v.Low - 1e-9, v.High + 1e-9));
            // Draws spread over the range: both its lower and its upper quarter are reached.
            var (low, high) = (values[0].Low, values[0].High);
            if (high > low && values.All(v => v.Low == low && v.High == high))
            {
                var quarter = (high - low) / 4;
                Assert.Contains(values, v => v.Value <= low + quarter);
                Assert.Contains(values, v => v.Value >= high - quarter);
            }
        }
    }
}
