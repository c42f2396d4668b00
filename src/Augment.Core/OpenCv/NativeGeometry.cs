using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>OpenCV's help with geometry that is sampled on the managed side.</summary>
internal static class NativeGeometry
{
    /// <summary>cv::getPerspectiveTransform: 4 (x, y) source points to 4 destination points, a row-major 3x3 matrix.</summary>
    public static double[] PerspectiveTransform(ReadOnlySpan<double> source, ReadOnlySpan<double> destination)
    {
        if (source.Length != 8 || destination.Length != 8)
        {
            throw new AugmentNativeException(NativeStatus.InvalidArgument, "4 source and 4 destination points (x, y pairs)");
        }

        var from = Points(source);
        var to = Points(destination);
        OpenCvRuntime.Ensure();
        return Guard.Run(() =>
        {
            using var m = Cv2.GetPerspectiveTransform(from, to);
            var matrix = new double[9];
            for (var i = 0; i < 9; i++)
            {
                matrix[i] = m.At<double>(i / 3, i % 3);
            }

            return matrix;
        });
    }

    // As the shim did: the points as floats (cv::Point2f), which getPerspectiveTransform solves in double.
    private static Point2f[] Points(ReadOnlySpan<double> xy)
    {
        var points = new Point2f[4];
        for (var i = 0; i < 4; i++)
        {
            points[i] = new Point2f((float)xy[2 * i], (float)xy[(2 * i) + 1]);
        }

        return points;
    }
}
