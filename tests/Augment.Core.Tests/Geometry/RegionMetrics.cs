using Augment.Core.Imaging;
using Augment.Core.Tests.Pipeline;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// Image comparisons restricted to a region: the pixels a validity image (an all-255 image warped like
/// the real one) marks as fully inside the source. With bilinear weights summing to exactly 1 in
/// OpenCV's fixed point, a warped 255 stays 255 only where no weight fell outside the source.
/// </summary>
internal static class RegionMetrics
{
    public static bool[] Inside(ImageBuffer validity) => PipelineTestKit.Samples(validity).Select(v => v == 255).ToArray();

    public static bool[] Both(bool[] a, bool[] b) => a.Zip(b, (x, y) => x && y).ToArray();

    /// <summary>Absolute sample differences over the region: their mean, 99th percentile and maximum.</summary>
    public static (double Mean, int P99, int Max) Differences(ImageBuffer a, ImageBuffer b, bool[] inside, int shiftX = 0)
    {
        var sa = PipelineTestKit.Samples(a);
        var sb = PipelineTestKit.Samples(b);
        var channels = a.Channels;
        var differences = new List<int>();
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x + shiftX < a.Width; x++)
            {
                var p = (y * a.Width) + x;
                if (!inside[p] || !inside[p + shiftX])
                {
                    continue;
                }

                for (var c = 0; c < channels; c++)
                {
                    differences.Add(Math.Abs(sa[((p + shiftX) * channels) + c] - sb[(p * channels) + c]));
                }
            }
        }

        Assert.True(differences.Count > 0, "the region is empty");
        differences.Sort();
        return (differences.Average(), differences[(int)(differences.Count * 0.99)], differences[^1]);
    }

    /// <summary>PSNR in dB over the region (8-bit); infinity when the region is identical.</summary>
    public static double Psnr(ImageBuffer expected, ImageBuffer actual, bool[] inside)
    {
        var se = PipelineTestKit.Samples(expected);
        var sa = PipelineTestKit.Samples(actual);
        var channels = expected.Channels;
        double sum = 0;
        long count = 0;
        for (var p = 0; p < inside.Length; p++)
        {
            if (!inside[p])
            {
                continue;
            }

            for (var c = 0; c < channels; c++)
            {
                double d = se[(p * channels) + c] - sa[(p * channels) + c];
                sum += d * d;
                count++;
            }
        }

        return sum == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 * count / sum);
    }

    /// <summary>
    /// High-frequency energy: the sum of the squared 4-neighbour Laplacian over pixels whose whole
    /// stencil is inside the region. Every resampling pass low-pass filters, so it drops with each pass.
    /// </summary>
    public static double LaplacianEnergy(ImageBuffer image, bool[] inside)
    {
        var s = PipelineTestKit.Samples(image);
        var (w, h, channels) = (image.Width, image.Height, image.Channels);
        double energy = 0;
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var p = (y * w) + x;
                if (!(inside[p] && inside[p - 1] && inside[p + 1] && inside[p - w] && inside[p + w]))
                {
                    continue;
                }

                for (var c = 0; c < channels; c++)
                {
                    double laplacian = (4 * s[(p * channels) + c]) - s[((p - 1) * channels) + c] - s[((p + 1) * channels) + c]
                                       - s[((p - w) * channels) + c] - s[((p + w) * channels) + c];
                    energy += laplacian * laplacian;
                }
            }
        }

        return energy;
    }
}
