using Augment.Core.Imaging;

namespace Augment.Core.Tests.TestSupport;

internal static class ImageQuality
{
    /// <summary>
    /// Peak signal-to-noise ratio in dB over every 8-bit sample of two same-shaped images;
    /// <see cref="double.PositiveInfinity"/> when they are identical.
    /// </summary>
    public static double Psnr(ImageBuffer expected, ImageBuffer actual)
    {
        Assert.Equal(8, expected.DepthBits);
        Assert.Equal((expected.Width, expected.Height, expected.Channels, expected.DepthBits),
            (actual.Width, actual.Height, actual.Channels, actual.DepthBits));
        var a = expected.ToPackedArray();
        var b = actual.ToPackedArray();
        double sumOfSquares = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sumOfSquares += d * d;
        }

        if (sumOfSquares == 0)
        {
            return double.PositiveInfinity;
        }

        var meanSquaredError = sumOfSquares / a.Length;
        return 10 * Math.Log10(255.0 * 255.0 / meanSquaredError);
    }
}
