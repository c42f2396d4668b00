using System.Runtime.InteropServices;
using Augment.Core.Imaging;

namespace Augment.Core.Tests.OpsTests;

/// <summary>How two images of the same shape differ, sample by sample.</summary>
internal sealed record ImageDifference(int Samples, int Differing, int Max, string FirstAt)
{
    public double Share => (double)Differing / Samples;

    public static ImageDifference Of(ImageBuffer expected, ImageBuffer actual)
    {
        Assert.Equal(expected.ToString(), actual.ToString());
        var (a, b) = (SamplesOf(expected), SamplesOf(actual));
        var (differing, max, first) = (0, 0, -1);
        for (var i = 0; i < a.Length; i++)
        {
            var difference = Math.Abs(a[i] - b[i]);
            if (difference > 0)
            {
                differing++;
                max = Math.Max(max, difference);
                first = first < 0 ? i : first;
            }
        }

        var perRow = expected.Width * expected.Channels;
        var at = first < 0 ? "nowhere" : $"x {first % perRow / expected.Channels}, y {first / perRow}, channel {first % expected.Channels}";
        return new ImageDifference(a.Length, differing, max, at);
    }

    public override string ToString() =>
        $"{Differing} of {Samples} samples differ ({Share:P2}), by at most {Max}; the first at {FirstAt}";

    private static int[] SamplesOf(ImageBuffer image)
    {
        var packed = image.ToPackedArray();
        return image.DepthBits == 8
            ? packed.Select(b => (int)b).ToArray()
            : MemoryMarshal.Cast<byte, ushort>(packed).ToArray().Select(s => (int)s).ToArray();
    }
}
