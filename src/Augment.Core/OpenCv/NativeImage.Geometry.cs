using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>Resampling: the managed side fuses every run of spatial ops into one matrix or one map, and this applies it.</summary>
internal sealed unsafe partial class NativeImage
{
    /// <summary>
    /// One warpAffine (last row 0 0 1) or warpPerspective pass; <paramref name="inverse"/> maps output
    /// to input pixel coordinates (9 values, row-major, pixel centres at integers).
    /// </summary>
    public NativeImage Warp(ReadOnlySpan<double> inverse, int width, int height, int interpolation, int borderMode, ReadOnlySpan<double> fill4)
    {
        CheckResampling(width, height, interpolation, borderMode);
        Require(inverse.Length == 9, "the inverse matrix has 9 values");
        // OpenCV 4.13's warpAffine with INTER_NEAREST and BORDER_CONSTANT gets 16-bit 4-channel images
        // wrong (most pixels, in its baseline and its dispatched code alike; the other types, border
        // modes and warpPerspective are right: LosslessSpatialOpTests). Those go through
        // warpPerspective, whose last matrix row 0 0 1 makes it the same mapping.
        var affine = inverse[6] == 0.0 && inverse[7] == 0.0 && inverse[8] == 1.0 &&
                     !(interpolation == (int)InterpolationFlags.Nearest && borderMode == (int)BorderTypes.Constant && Channels == 4 && DepthBits == 16);
        var values = inverse[..(affine ? 6 : 9)].ToArray();
        var fill = ToScalar(fill4);
        return Guard.Run(() =>
        {
            using var m = Mat.FromPixelData(affine ? 2 : 3, 3, MatType.CV_64FC1, values);
            using var i = InputArray.Create(_mat);
            using var mi = InputArray.Create(m);
            var result = new Mat();
            using (var o = OutputArray.Create(result))
            {
                var flags = (InterpolationFlags)interpolation | InterpolationFlags.WarpInverseMap;
                if (affine)
                {
                    Cv2.WarpAffine(i, o, mi, new Size(width, height), flags, (BorderTypes)borderMode, fill);
                }
                else
                {
                    Cv2.WarpPerspective(i, o, mi, new Size(width, height), flags, (BorderTypes)borderMode, fill);
                }
            }

            return Own(result);
        });
    }

    /// <summary>One remap pass: output (x, y) samples the input at (mapX, mapY)[y * width + x].</summary>
    public NativeImage Remap(ReadOnlySpan<float> mapX, ReadOnlySpan<float> mapY, int width, int height, int interpolation, int borderMode, ReadOnlySpan<double> fill4)
    {
        CheckResampling(width, height, interpolation, borderMode);
        Require(mapX.Length >= width * height && mapY.Length >= width * height, "the maps hold width x height values");
        fixed (float* x = mapX)
        fixed (float* y = mapY)
        {
            using var mx = Mat.FromPixelData(height, width, MatType.CV_32FC1, (nint)x);
            using var my = Mat.FromPixelData(height, width, MatType.CV_32FC1, (nint)y);
            return RemapWith(mx, my, interpolation, borderMode, fill4);
        }
    }

    /// <summary>One remap pass through float maps of the output's size.</summary>
    internal NativeImage RemapWith(Mat mapX, Mat mapY, int interpolation, int borderMode, ReadOnlySpan<double> fill4)
    {
        CheckResampling(mapX.Cols, mapX.Rows, interpolation, borderMode);
        var fill = ToScalar(fill4);
        return Guard.Run(() =>
        {
            using var i = InputArray.Create(_mat);
            using var xi = InputArray.Create(mapX);
            using var yi = InputArray.Create(mapY);
            var result = new Mat();
            using (var o = OutputArray.Create(result))
            {
                Cv2.Remap(i, o, xi, yi, (InterpolationFlags)interpolation, (BorderTypes)borderMode, fill);
            }

            return Own(result);
        });
    }

    /// <summary>
    /// Crops a rectangle (inside the image), resizes it and mirrors the result (<paramref name="flip"/>:
    /// 0 none, 1 horizontally, 2 vertically, 3 both): the path of an axis-aligned run, for area
    /// interpolation, which warps do not have, and for linear, which it computes several times faster.
    /// </summary>
    public NativeImage CropResize(int x, int y, int width, int height, int outWidth, int outHeight, int interpolation, int flip = 0)
    {
        Require(flip is >= 0 and <= 3, "flip must be 0-3");
        Require(width > 0 && height > 0 && x >= 0 && y >= 0 && x + width <= Width && y + height <= Height, "the crop must lie inside the image");
        Require(outWidth > 0 && outHeight > 0, "output size must be positive");
        return Guard.Run(() =>
        {
            using var crop = new Mat(_mat, new Rect(x, y, width, height));
            var result = new Mat();
            CvCalls.Resize(crop, result, new Size(outWidth, outHeight), (InterpolationFlags)interpolation);
            if (flip != 0)
            {
                CvCalls.Flip(result, result, flip == 1 ? FlipMode.Y : flip == 2 ? FlipMode.X : FlipMode.XY);
            }

            return Own(result);
        });
    }

    public NativeImage Resize(int width, int height, int interpolation)
    {
        Require(width > 0 && height > 0, "width and height must be positive");
        Require(interpolation is >= 0 and <= 4, "unknown interpolation");
        return Guard.Run(() =>
        {
            var result = new Mat();
            CvCalls.Resize(_mat, result, new Size(width, height), (InterpolationFlags)interpolation);
            return Own(result);
        });
    }

    /// <summary>Sets a rectangle, clipped to the image, to a 4-value fill.</summary>
    public void FillRectangle(int x, int y, int width, int height, ReadOnlySpan<double> fill4)
    {
        var rect = new Rect(x, y, width, height).Intersect(new Rect(0, 0, Width, Height));
        if (rect.Width <= 0 || rect.Height <= 0)
        {
            return;
        }

        var fill = ToScalar(fill4);
        Guard.Run(() =>
        {
            using var region = new Mat(_mat, rect);
            region.SetTo(fill);
        });
    }

    /// <summary>Copies <paramref name="source"/> into this image with its top-left corner at (x, y), clipped; same type required.</summary>
    public void Paste(NativeImage source, int x, int y)
    {
        Require(source.Channels == Channels && source.DepthBits == DepthBits, "canvas and source must have the same type");
        var target = new Rect(x, y, source.Width, source.Height).Intersect(new Rect(0, 0, Width, Height));
        if (target.Width <= 0 || target.Height <= 0)
        {
            return;
        }

        Guard.Run(() =>
        {
            using var from = new Mat(source._mat, new Rect(target.X - x, target.Y - y, target.Width, target.Height));
            using var to = new Mat(_mat, target);
            from.CopyTo(to);
        });
    }

    private static void CheckResampling(int width, int height, int interpolation, int borderMode)
    {
        Require(width > 0 && height > 0, "output width and height must be positive");
        Require(interpolation is >= 0 and <= 4, "unknown interpolation");
        Require(borderMode is >= 0 and <= 4, "unknown border mode");
    }

    private static Scalar ToScalar(ReadOnlySpan<double> fill4) =>
        fill4.Length >= 4 ? new Scalar(fill4[0], fill4[1], fill4[2], fill4[3]) : Scalar.All(0);
}
