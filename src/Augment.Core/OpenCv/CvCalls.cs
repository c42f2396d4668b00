using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// The OpenCV calls the engine makes, over Mats. OpenCvSharp's implicit Mat-to-InputArray conversions
/// allocate a native proxy that only a finalizer would free; these create each proxy explicitly and
/// dispose it when the call returns. Errors surface as OpenCvSharp's exceptions; callers run inside
/// <see cref="Guard"/>.
/// </summary>
internal static class CvCalls
{
    public static void CvtColor(Mat src, Mat dst, ColorConversionCodes code)
    {
        using var i = InputArray.Create(src);
        using var o = OutputArray.Create(dst);
        Cv2.CvtColor(i, o, code);
    }

    public static void ConvertTo(Mat src, Mat dst, int depth, double alpha = 1, double beta = 0)
    {
        using var o = OutputArray.Create(dst);
        src.ConvertTo(o, MatType.MakeType(depth, src.Channels()), alpha, beta);
    }

    public static void Resize(Mat src, Mat dst, Size size, InterpolationFlags interpolation)
    {
        using var i = InputArray.Create(src);
        using var o = OutputArray.Create(dst);
        Cv2.Resize(i, o, size, 0, 0, interpolation);
    }

    public static void Flip(Mat src, Mat dst, FlipMode mode)
    {
        using var i = InputArray.Create(src);
        using var o = OutputArray.Create(dst);
        Cv2.Flip(i, o, mode);
    }

    public static void GaussianBlur(Mat src, Mat dst, Size kernel, double sigmaX, double sigmaY)
    {
        using var i = InputArray.Create(src);
        using var o = OutputArray.Create(dst);
        Cv2.GaussianBlur(i, o, kernel, sigmaX, sigmaY, BorderTypes.Reflect101);
    }

    public static void Split(Mat src, out Mat[] planes) => planes = Cv2.Split(src);

    public static void Merge(Mat[] planes, Mat dst) => Cv2.Merge(planes, dst);

    public static void Dispose(Mat[] mats)
    {
        foreach (var mat in mats)
        {
            mat.Dispose();
        }
    }
}
