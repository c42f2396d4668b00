using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>Per-plane work OpenCV has no call for: 16-bit histogram equalisation and the preview's label overlay.</summary>
internal sealed unsafe partial class NativeImage
{
    /// <summary>Blends a colour per label (0 is left alone) over this 8-bit BGR image, in place.</summary>
    public void OverlayLabels(NativeImage labels, double alpha)
    {
        Require(Channels == 3 && DepthBits == 8, "the image must be 8-bit BGR");
        Require(labels.Channels == 1 && labels.Width == Width && labels.Height == Height, "labels must be one channel of the image's size");
        var colours = new Dictionary<int, (byte B, byte G, byte R)>();
        for (var y = 0; y < Height; y++)
        {
            var px = Row(y);
            var row = labels.Row(y);
            for (var x = 0; x < Width; x++)
            {
                var label = labels.DepthBits == 16 ? MemoryMarshal.Read<ushort>(row[(2 * x)..]) : row[x];
                if (label == 0)
                {
                    continue;
                }

                if (!colours.TryGetValue(label, out var colour))
                {
                    colours[label] = colour = LabelColour(label);
                }

                px[3 * x] = Blend(px[3 * x], colour.B, alpha);
                px[(3 * x) + 1] = Blend(px[(3 * x) + 1], colour.G, alpha);
                px[(3 * x) + 2] = Blend(px[(3 * x) + 2], colour.R, alpha);
            }
        }
    }

    // A stable, well-spread colour per label (golden-ratio hue steps), so neighbouring instance labels differ.
    private static (byte B, byte G, byte R) LabelColour(int label)
    {
        var hue = (label * 0.618033988749895 % 1.0) * 180.0;
        return Guard.Run(() =>
        {
            using var hsv = new Mat(1, 1, MatType.CV_8UC3, new Scalar(hue, 200, 255));
            using var bgr = new Mat();
            CvCalls.CvtColor(hsv, bgr, ColorConversionCodes.HSV2BGR);
            var v = bgr.At<Vec3b>(0, 0);
            return (v.Item0, v.Item1, v.Item2);
        });
    }

    // saturate_cast<uchar>(v * (1 - alpha) + c * alpha): round half to even, then clamp.
    private static byte Blend(byte value, byte colour, double alpha) =>
        (byte)Math.Clamp(Math.Round((value * (1.0 - alpha)) + (colour * alpha), MidpointRounding.ToEven), 0, 255);

    // equalizeHist for 8-bit; the same cumulative-histogram mapping with 65536 bins for 16-bit.
    private static void EqualizePlane(Mat plane)
    {
        if (plane.Depth() == MatType.CV_8U)
        {
            using var i = InputArray.Create(plane);
            using var o = OutputArray.Create(plane);
            Cv2.EqualizeHist(i, o);
            return;
        }

        var histogram = new long[65536];
        var (rows, cols) = (plane.Rows, plane.Cols);
        for (var y = 0; y < rows; y++)
        {
            foreach (var v in PlaneRow(plane, y, cols))
            {
                histogram[v]++;
            }
        }

        var total = (long)rows * cols;
        var first = histogram.FirstOrDefault(c => c != 0);
        var table = new ushort[65536];
        long cumulative = 0;
        var denominator = total > first ? (double)(total - first) : 1.0;
        for (var v = 0; v < 65536; v++)
        {
            cumulative += histogram[v];
            var mapped = cumulative > first ? (cumulative - first) * 65535.0 / denominator : 0.0;
            table[v] = (ushort)Math.Min(65535.0, Math.Round(mapped, MidpointRounding.AwayFromZero));
        }

        for (var y = 0; y < rows; y++)
        {
            var row = PlaneRow(plane, y, cols);
            for (var x = 0; x < row.Length; x++)
            {
                row[x] = table[row[x]];
            }
        }
    }

    private static Span<ushort> PlaneRow(Mat plane, int y, int cols) => new((void*)plane.Ptr(y), cols);
}
