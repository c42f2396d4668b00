using System.Runtime.InteropServices;
using Augment.Core.Imaging;

namespace Augment.Core.Ops.Pixel;

/// <summary>
/// Visits every pixel in row-major order with its samples as doubles, writing back what the visitor
/// leaves. For ops whose per-pixel values come from a random field (noise): the order is fixed, so
/// the field's draws land on the same pixels every time.
/// </summary>
internal static class SampleWriter
{
    public static void ForEachPixel(ImageBuffer image, Action<double[]> visit)
    {
        var pixel = new double[image.Channels];
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            if (image.DepthBits == 16)
            {
                var samples = MemoryMarshal.Cast<byte, ushort>(row);
                for (var x = 0; x < image.Width; x++)
                {
                    var at = x * image.Channels;
                    for (var c = 0; c < pixel.Length; c++)
                    {
                        pixel[c] = samples[at + c];
                    }

                    visit(pixel);
                    for (var c = 0; c < pixel.Length; c++)
                    {
                        samples[at + c] = (ushort)pixel[c];
                    }
                }
            }
            else
            {
                for (var x = 0; x < image.Width; x++)
                {
                    var at = x * image.Channels;
                    for (var c = 0; c < pixel.Length; c++)
                    {
                        pixel[c] = row[at + c];
                    }

                    visit(pixel);
                    for (var c = 0; c < pixel.Length; c++)
                    {
                        row[at + c] = (byte)pixel[c];
                    }
                }
            }
        }
    }
}
