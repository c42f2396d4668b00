using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>Neighbourhood filters and lookup tables, in place.</summary>
internal sealed unsafe partial class NativeImage
{
    /// <summary>cv::GaussianBlur in place; kernel sizes odd (or 0 to derive them from sigma), BORDER_REFLECT_101.</summary>
    public void GaussianBlur(int kernelX, int kernelY, double sigmaX, double sigmaY)
    {
        Require(kernelX >= 0 && kernelY >= 0 && (kernelX == 0 || kernelX % 2 == 1) && (kernelY == 0 || kernelY % 2 == 1), "kernel sizes must be odd or 0");
        Guard.Run(() => CvCalls.GaussianBlur(_mat, _mat, new Size(kernelX, kernelY), sigmaX, sigmaY));
    }

    /// <summary>cv::blur (normalised box filter) in place with an odd square kernel, BORDER_REFLECT_101.</summary>
    public void BoxBlur(int kernel)
    {
        Require(kernel >= 1 && kernel % 2 == 1, "the box kernel must be odd");
        Guard.Run(() =>
        {
            using var i = InputArray.Create(_mat);
            using var o = OutputArray.Create(_mat);
            Cv2.Blur(i, o, new Size(kernel, kernel), new Point(-1, -1), BorderTypes.Reflect101);
        });
    }

    public void MedianBlur(int kernel)
    {
        Require(kernel >= 3 && kernel % 2 == 1, "the median kernel must be odd and at least 3");
        // OpenCV's median filter takes 16-bit images with kernels of 3 and 5 only.
        Require(DepthBits == 8 || kernel <= 5, "16-bit images take median kernels of 3 or 5");
        Guard.Run(() =>
        {
            using var i = InputArray.Create(_mat);
            using var o = OutputArray.Create(_mat);
            Cv2.MedianBlur(i, o, kernel);
        });
    }

    /// <summary>Convolves with a row-major kernel (correlation, as cv::filter2D), reflecting at the border.</summary>
    public void Filter(ReadOnlySpan<float> kernel, int width, int height)
    {
        Require(width > 0 && height > 0 && kernel.Length >= width * height, "kernel size must be positive and match the values");
        var values = kernel[..(width * height)].ToArray();
        Guard.Run(() =>
        {
            using var k = Mat.FromPixelData(height, width, MatType.CV_32FC1, values);
            using var i = InputArray.Create(_mat);
            using var o = OutputArray.Create(_mat);
            using var ki = InputArray.Create(k);
            Cv2.Filter2D(i, o, -1, ki, new Point(-1, -1), 0, BorderTypes.Reflect101);
        });
    }

    /// <summary>Maps every sample through <paramref name="table"/> (256 entries for 8-bit, 65536 for 16-bit), in place.</summary>
    public void ApplyLookupTable(ReadOnlySpan<ushort> table)
    {
        if (DepthBits == 8)
        {
            Require(table.Length == 256, "an 8-bit image needs a 256-entry table");
            var lut = new byte[256];
            for (var i = 0; i < 256; i++)
            {
                Require(table[i] <= 255, "an 8-bit table entry exceeds 255");
                lut[i] = (byte)table[i];
            }

            Guard.Run(() =>
            {
                using var lutMat = Mat.FromPixelData(1, 256, MatType.CV_8UC1, lut);
                using var i = InputArray.Create(_mat);
                using var li = InputArray.Create(lutMat);
                using var o = OutputArray.Create(_mat);
                Cv2.LUT(i, li, o);
            });
            return;
        }

        // cv::LUT takes 8-bit input only; a 16-bit table is applied here.
        Require(table.Length == 65536, "a 16-bit image needs a 65536-entry table");
        for (var y = 0; y < Height; y++)
        {
            var row = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(Row(y));
            for (var x = 0; x < row.Length; x++)
            {
                row[x] = table[row[x]];
            }
        }
    }
}
