using Augment.Core.Ops.Pixel;
using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// Colour operations, in place. Each keeps a 4-channel image's alpha as it was. They work on a float
/// copy of the colour channels (0..1) where OpenCV's colour conversions need it, so 8- and 16-bit
/// images take the same path and are rounded back once.
/// </summary>
internal sealed unsafe partial class NativeImage
{
    /// <summary>Shifts hue (degrees), saturation and value (fractions of full scale) in HSV; a 1-channel image gets the value shift only.</summary>
    public void HsvShift(double hueDegrees, double saturation, double value) => Guard.Run(() => OnColour(colour =>
    {
        using var f = ToUnitFloat(colour);
        if (f.Channels() == 1)
        {
            CvCalls.ConvertTo(f, f, MatType.CV_32F, 1, value);
        }
        else
        {
            ShiftHsv(f, hueDegrees, saturation, value);
        }

        FromUnitFloat(f, colour);
    }));

    /// <summary>torchvision-style ColorJitter; <paramref name="order"/> is a permutation of 0 (brightness), 1 (contrast), 2 (saturation), 3 (hue).</summary>
    public void ColorJitter(double brightness, double contrast, double saturation, double hueDegrees, ReadOnlySpan<int> order)
    {
        Require(order.Length == 4, "order holds 4 indices");
        var steps = order.ToArray();
        Guard.Run(() => OnColour(colour =>
        {
            using var f = ToUnitFloat(colour);
            foreach (var step in steps)
            {
                switch (step)
                {
                    case 0:
                        CvCalls.ConvertTo(f, f, MatType.CV_32F, brightness);
                        break;
                    case 1:
                        var mean = MeanLuma(f);
                        CvCalls.ConvertTo(f, f, MatType.CV_32F, contrast, mean * (1.0 - contrast));
                        break;
                    case 2 when f.Channels() == 3:
                        using (var gray = new Mat())
                        using (var luma = Luma(f))
                        {
                            CvCalls.CvtColor(luma, gray, ColorConversionCodes.GRAY2BGR);
                            AddWeighted(f, saturation, gray, 1.0 - saturation, f);
                        }

                        break;
                    case 3 when f.Channels() == 3:
                        Clip01(f);
                        ShiftHsv(f, hueDegrees, 0.0, 0.0);
                        break;
                    case 2 or 3:
                        break;
                    default:
                        throw new AugmentNativeException(NativeStatus.InvalidArgument, "order holds indices 0 to 3");
                }

                Clip01(f); // each step sees a valid image, as torchvision's do
            }

            FromUnitFloat(f, colour);
        }));
    }

    /// <summary>Adds one value per channel (B, G, R[, A] order, on the image's own scale), saturating.</summary>
    public void Add(ReadOnlySpan<double> perChannel)
    {
        Require(perChannel.Length == Channels, "one value per channel");
        var scalar = new Scalar(perChannel[0], Channels > 1 ? perChannel[1] : 0, Channels > 2 ? perChannel[2] : 0, Channels > 3 ? perChannel[3] : 0);
        Guard.Run(() =>
        {
            using var i = InputArray.Create(_mat);
            using var s = InputArray.Create(scalar);
            using var o = OutputArray.Create(_mat);
            Cv2.Add(i, s, o);
        });
    }

    /// <summary>Replaces the colour channels by their luma (cv::COLOR_BGR2GRAY weights), keeping the channel count.</summary>
    public void ToGray() => Guard.Run(() => OnColour(colour =>
    {
        if (colour.Channels() == 1)
        {
            return;
        }

        using var gray = new Mat();
        CvCalls.CvtColor(colour, gray, ColorConversionCodes.BGR2GRAY);
        CvCalls.CvtColor(gray, colour, ColorConversionCodes.GRAY2BGR);
    }));

    /// <summary>Contrast-limited adaptive histogram equalisation; colour images on the lightness of Lab.</summary>
    public void Clahe(double clipLimit, int tilesX, int tilesY)
    {
        Require(clipLimit > 0 && tilesX > 0 && tilesY > 0, "clip limit and tile counts must be positive");
        Guard.Run(() =>
        {
            using var clahe = Cv2.CreateCLAHE(clipLimit, new Size(tilesX, tilesY));
            OnColour(colour =>
            {
                if (colour.Channels() == 1)
                {
                    Apply(clahe, colour, colour);
                    return;
                }

                // Lightness of Lab, at the image's own depth (Lab conversions take float, CLAHE 8/16-bit).
                using var f = ToUnitFloat(colour);
                using var lab = new Mat();
                CvCalls.CvtColor(f, lab, ColorConversionCodes.BGR2Lab);
                var planes = Cv2.Split(lab);
                try
                {
                    var scale = FullScale(colour) / 100.0; // L is 0..100
                    using var lightness = new Mat();
                    CvCalls.ConvertTo(planes[0], lightness, colour.Depth(), scale);
                    Apply(clahe, lightness, lightness);
                    CvCalls.ConvertTo(lightness, planes[0], MatType.CV_32F, 1.0 / scale);
                    Cv2.Merge(planes, lab);
                }
                finally
                {
                    CvCalls.Dispose(planes);
                }

                using var bgr = new Mat();
                CvCalls.CvtColor(lab, bgr, ColorConversionCodes.Lab2BGR);
                FromUnitFloat(bgr, colour);
            });
        });
    }

    /// <summary>Histogram equalisation of every colour channel (16-bit with a 65536-bin histogram).</summary>
    public void Equalize() => Guard.Run(() => OnColour(colour =>
    {
        var planes = Cv2.Split(colour);
        try
        {
            foreach (var plane in planes)
            {
                EqualizePlane(plane);
            }

            Cv2.Merge(planes, colour);
        }
        finally
        {
            CvCalls.Dispose(planes);
        }
    }));

    /// <summary>Writes <paramref name="colour"/> (same size; converted to this image's depth and colour channel count) into the colour channels, keeping alpha.</summary>
    public void SetColour(NativeImage colour)
    {
        Require(colour.Width == Width && colour.Height == Height, "the colour image must have the image's size");
        var colourChannels = Channels == 4 ? 3 : Channels;
        Guard.Run(() =>
        {
            using var shaped = WithChannels(colour._mat, colourChannels);
            using var deep = WithDepth(shaped ?? colour._mat, _mat.Depth());
            var source = deep ?? shaped ?? colour._mat;
            if (Channels != 4)
            {
                source.CopyTo(_mat);
                return;
            }

            var planes = Cv2.Split(_mat);
            var merged = Cv2.Split(source);
            try
            {
                Cv2.Merge([.. merged, planes[3]], _mat);
            }
            finally
            {
                CvCalls.Dispose(planes);
                CvCalls.Dispose(merged);
            }
        });
    }

    // Runs body on the colour part: the image itself, or for 4 channels a 3-channel copy that is merged back with the alpha.
    private void OnColour(Action<Mat> body)
    {
        if (Channels != 4)
        {
            body(_mat);
            return;
        }

        var planes = Cv2.Split(_mat);
        try
        {
            using var colour = new Mat();
            Cv2.Merge(planes[..3], colour);
            body(colour);
            var result = Cv2.Split(colour);
            try
            {
                Cv2.Merge([.. result, planes[3]], _mat);
            }
            finally
            {
                CvCalls.Dispose(result);
            }
        }
        finally
        {
            CvCalls.Dispose(planes);
        }
    }

    private static Mat ToUnitFloat(Mat mat)
    {
        var f = new Mat();
        CvCalls.ConvertTo(mat, f, MatType.CV_32F, 1.0 / FullScale(mat));
        return f;
    }

    // convertTo saturates while it rounds, which is what clipping to [0, 1] first gave.
    private static void FromUnitFloat(Mat f, Mat mat) => CvCalls.ConvertTo(f, mat, mat.Depth(), FullScale(mat));

    // Hue in degrees [0, 360), saturation and value in [0, 1], for a 3-channel float BGR image.
    private static void ShiftHsv(Mat f, double hueDegrees, double saturation, double value)
    {
        using var hsv = new Mat();
        CvCalls.CvtColor(f, hsv, ColorConversionCodes.BGR2HSV);
        var (rows, cols) = (hsv.Rows, hsv.Cols);
        for (var y = 0; y < rows; y++)
        {
            var row = new Span<float>((void*)hsv.Ptr(y), cols * 3);
            HsvShiftPixels.Shift(row, hueDegrees, saturation, value, vectorise: true);
        }

        CvCalls.CvtColor(hsv, f, ColorConversionCodes.HSV2BGR);
    }

    private static Mat Luma(Mat f)
    {
        if (f.Channels() == 1)
        {
            return f.Clone();
        }

        var gray = new Mat();
        CvCalls.CvtColor(f, gray, ColorConversionCodes.BGR2GRAY);
        return gray;
    }

    private static double MeanLuma(Mat f)
    {
        using var luma = Luma(f);
        using var i = InputArray.Create(luma);
        return Cv2.Mean(i).Val0;
    }

    private static void AddWeighted(Mat a, double alpha, Mat b, double beta, Mat dst)
    {
        using var ai = InputArray.Create(a);
        using var bi = InputArray.Create(b);
        using var o = OutputArray.Create(dst);
        Cv2.AddWeighted(ai, alpha, bi, beta, 0.0, o);
    }

    private static void Clip01(Mat f)
    {
        Cv2.Max(f, 0.0, f);
        Cv2.Min(f, 1.0, f);
    }

    private static void Apply(OpenCvSharp.CLAHE clahe, Mat src, Mat dst)
    {
        using var i = InputArray.Create(src);
        using var o = OutputArray.Create(dst);
        clahe.Apply(i, o);
    }
}
