namespace Augment.Core.Geometry;

/// <summary>
/// A 3x3 homogeneous transform of pixel coordinates (x right, y down, integer coordinates at pixel
/// centres, as OpenCV's warps use them). Row-major: [M00 M01 M02; M10 M11 M12; M20 M21 M22].
/// </summary>
public readonly record struct Matrix3x3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static Matrix3x3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public bool IsAffine => M20 == 0 && M21 == 0 && M22 == 1;

    public static Matrix3x3 Translation(double dx, double dy) => new(1, 0, dx, 0, 1, dy, 0, 0, 1);

    public static Matrix3x3 Scale(double sx, double sy) => new(sx, 0, 0, 0, sy, 0, 0, 0, 1);

    /// <summary>
    /// Rotation by <paramref name="degrees"/> counter-clockwise as the image is seen (y points down),
    /// about (cx, cy): OpenCV's getRotationMatrix2D convention, which Albumentations follows.
    /// </summary>
    public static Matrix3x3 Rotation(double degrees, double cx, double cy)
    {
        var radians = degrees * Math.PI / 180.0;
        var (sin, cos) = Math.SinCos(radians);
        return Translation(cx, cy) * new Matrix3x3(cos, sin, 0, -sin, cos, 0, 0, 0, 1) * Translation(-cx, -cy);
    }

    /// <summary>
    /// The mapping of a resize from <paramref name="from"/> to <paramref name="to"/> as cv::resize
    /// defines it, pixel centres aligned: x' = (x + 0.5) * (W' / W) - 0.5.
    /// </summary>
    public static Matrix3x3 Resize(ImageSize from, ImageSize to)
    {
        var sx = (double)to.Width / from.Width;
        var sy = (double)to.Height / from.Height;
        return new Matrix3x3(sx, 0, (0.5 * sx) - 0.5, 0, sy, (0.5 * sy) - 0.5, 0, 0, 1);
    }

    /// <summary>Shear in degrees along x then y, as Albumentations' Affine takes it.</summary>
    public static Matrix3x3 Shear(double xDegrees, double yDegrees) =>
        new(1, Math.Tan(xDegrees * Math.PI / 180.0), 0, Math.Tan(yDegrees * Math.PI / 180.0), 1, 0, 0, 0, 1);

    /// <summary>a * b: apply b first, then a.</summary>
    public static Matrix3x3 operator *(Matrix3x3 a, Matrix3x3 b) => new(
        (a.M00 * b.M00) + (a.M01 * b.M10) + (a.M02 * b.M20),
        (a.M00 * b.M01) + (a.M01 * b.M11) + (a.M02 * b.M21),
        (a.M00 * b.M02) + (a.M01 * b.M12) + (a.M02 * b.M22),
        (a.M10 * b.M00) + (a.M11 * b.M10) + (a.M12 * b.M20),
        (a.M10 * b.M01) + (a.M11 * b.M11) + (a.M12 * b.M21),
        (a.M10 * b.M02) + (a.M11 * b.M12) + (a.M12 * b.M22),
        (a.M20 * b.M00) + (a.M21 * b.M10) + (a.M22 * b.M20),
        (a.M20 * b.M01) + (a.M21 * b.M11) + (a.M22 * b.M21),
        (a.M20 * b.M02) + (a.M21 * b.M12) + (a.M22 * b.M22));

    public Matrix3x3 Inverse()
    {
        var c00 = (M11 * M22) - (M12 * M21);
        var c01 = (M12 * M20) - (M10 * M22);
        var c02 = (M10 * M21) - (M11 * M20);
        var det = (M00 * c00) + (M01 * c01) + (M02 * c02);
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException($"the transform {this} cannot be inverted");
        }

        var inv = 1.0 / det;
        return new Matrix3x3(
            c00 * inv, ((M02 * M21) - (M01 * M22)) * inv, ((M01 * M12) - (M02 * M11)) * inv,
            c01 * inv, ((M00 * M22) - (M02 * M20)) * inv, ((M02 * M10) - (M00 * M12)) * inv,
            c02 * inv, ((M01 * M20) - (M00 * M21)) * inv, ((M00 * M11) - (M01 * M10)) * inv);
    }

    public (double X, double Y) Apply(double x, double y)
    {
        var w = (M20 * x) + (M21 * y) + M22;
        return (((M00 * x) + (M01 * y) + M02) / w, ((M10 * x) + (M11 * y) + M12) / w);
    }

    public double[] ToArray() => [M00, M01, M02, M10, M11, M12, M20, M21, M22];
}
