using Augment.Core.Imaging;

namespace Augment.Core.Ops.Pixel;

/// <summary>
/// Point operations as lookup tables, applied by OpenCV (cv::LUT for 8-bit; a loop of the adapter's
/// for 16-bit, which cv::LUT does not take). The function maps a sample value to a new one on the
/// image's own scale (0..255 or 0..65535); results are rounded half away from zero and clamped.
/// </summary>
internal static class LookupTable
{
    public static void Apply(ImageBuffer image, Func<double, double> function)
    {
        var size = image.DepthBits == 16 ? 65536 : 256;
        var max = size - 1;
        var table = new ushort[size];
        for (var v = 0; v < size; v++)
        {
            table[v] = (ushort)Math.Clamp(Math.Round(function(v), MidpointRounding.AwayFromZero), 0, max);
        }

        image.Native.ApplyLookupTable(table);
    }
}
