namespace Augment.Core.Interop;

/// <summary>OpenCV's help with geometry that is sampled on the managed side.</summary>
internal static unsafe class NativeGeometry
{
    /// <summary>Smooths a row-major float field in place with a Gaussian of <paramref name="sigma"/> pixels.</summary>
    public static void GaussianBlur(Span<float> field, int width, int height, double sigma)
    {
        fixed (float* f = field)
        {
            NativeMethods.Check(NativeMethods.FieldGaussianBlur(f, width, height, sigma));
        }
    }

    /// <summary>cv::getPerspectiveTransform: 4 (x, y) source points to 4 destination points, a row-major 3x3 matrix.</summary>
    public static double[] PerspectiveTransform(ReadOnlySpan<double> source, ReadOnlySpan<double> destination)
    {
        var matrix = new double[9];
        fixed (double* s = source)
        fixed (double* d = destination)
        fixed (double* m = matrix)
        {
            NativeMethods.Check(NativeMethods.PerspectiveTransform(s, d, m));
        }

        return matrix;
    }
}
