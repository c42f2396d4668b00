using Augment.Core.Geometry;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// The 3x3 transforms every spatial op is expressed in: identity, inverse, the order of a product,
/// and the rotation convention (OpenCV's getRotationMatrix2D, which Albumentations follows).
/// </summary>
public sealed class Matrix3x3Tests
{
    // Entries are sums of a few products of numbers up to ~1e3; 1e-9 is far above double rounding there.
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Transforms => new(Samples.Keys);

    private static Dictionary<string, Matrix3x3> Samples { get; } = new()
    {
        ["translation"] = Matrix3x3.Translation(12.5, -7),
        ["scale"] = Matrix3x3.Scale(1.3, 0.7),
        ["rotation"] = Matrix3x3.Rotation(33, 191.5, 151),
        ["shear"] = Matrix3x3.Shear(20, -10),
        ["affine"] = Matrix3x3.Translation(4, 9) * Matrix3x3.Rotation(-71, 10, 20) * Matrix3x3.Shear(15, 0) * Matrix3x3.Scale(0.8, 0.8),
        ["perspective"] = new Matrix3x3(1.1, 0.2, 3, -0.1, 0.9, 5, 0.0004, -0.0002, 1),
        ["flip"] = new Matrix3x3(-1, 0, 383, 0, 1, 0, 0, 0, 1),
    };

    [Fact]
    public void Identity_maps_every_point_to_itself_and_is_neutral_in_a_product()
    {
        foreach (var (x, y) in new[] { (0.0, 0.0), (1.5, -2.25), (383.0, 302.0), (-1e4, 7e3) })
        {
            Assert.Equal((x, y), Matrix3x3.Identity.Apply(x, y));
        }

        var m = Samples["affine"];
        Assert.Equal(m, Matrix3x3.Identity * m);
        Assert.Equal(m, m * Matrix3x3.Identity);
        Assert.True(Matrix3x3.Identity.IsAffine);
        Assert.Equal([1.0, 0, 0, 0, 1, 0, 0, 0, 1], Matrix3x3.Identity.ToArray());
    }

    [Theory]
    [MemberData(nameof(Transforms))]
    public void Inverse_times_matrix_is_the_identity(string name)
    {
        var m = Samples[name];
        AssertClose(Matrix3x3.Identity, m.Inverse() * m);
        AssertClose(Matrix3x3.Identity, m * m.Inverse());

        var (x, y) = m.Apply(17.25, -3.5);
        var (bx, by) = m.Inverse().Apply(x, y);
        Assert.Equal(17.25, bx, Tolerance);
        Assert.Equal(-3.5, by, Tolerance);
    }

    [Fact]
    public void A_singular_matrix_has_no_inverse()
    {
        Assert.Throws<InvalidOperationException>(() => Matrix3x3.Scale(0, 1).Inverse());
        Assert.Throws<InvalidOperationException>(() => new Matrix3x3(1, 2, 0, 2, 4, 0, 0, 0, 1).Inverse());
    }

    [Fact]
    public void A_product_applies_its_right_operand_first()
    {
        var translate = Matrix3x3.Translation(10, 0);
        var scale = Matrix3x3.Scale(2, 2);

        // translate * scale: scale (1, 1) to (2, 2), then translate to (12, 2).
        Assert.Equal((12.0, 2.0), (translate * scale).Apply(1, 1));
        // scale * translate: translate (1, 1) to (11, 1), then scale to (22, 2).
        Assert.Equal((22.0, 2.0), (scale * translate).Apply(1, 1));

        var a = Samples["rotation"];
        var b = Samples["perspective"];
        var (px, py) = (a * b).Apply(40, 70);
        var (bx, by) = b.Apply(40, 70);
        var (qx, qy) = a.Apply(bx, by);
        Assert.Equal(qx, px, Tolerance);
        Assert.Equal(qy, py, Tolerance);
    }

    [Theory]
    [InlineData(191.5, 151.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(-20.0, 35.5)]
    public void Positive_angles_turn_counter_clockwise_as_seen_with_y_pointing_down(double cx, double cy)
    {
        // +90 degrees takes the point right of the centre to the point above it (smaller y) ...
        var quarter = Matrix3x3.Rotation(90, cx, cy);
        AssertPoint((cx, cy - 1), quarter.Apply(cx + 1, cy));
        // ... the point above to the left, and the centre stays put.
        AssertPoint((cx - 1, cy), quarter.Apply(cx, cy - 1));
        AssertPoint((cx, cy), quarter.Apply(cx, cy));

        // A small positive angle lifts the point on the right upwards, as the image is seen.
        var (_, y) = Matrix3x3.Rotation(10, cx, cy).Apply(cx + 100, cy);
        Assert.True(y < cy, $"rotating by +10 degrees moved the point at the right of the centre to y = {y}, below the centre {cy}");
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(-47.5)]
    [InlineData(90.0)]
    [InlineData(200.0)]
    public void Rotation_matches_OpenCVs_getRotationMatrix2D(double degrees)
    {
        // cv::getRotationMatrix2D(center, angle, 1): [a b (1-a)cx - b cy; -b a b cx + (1-a)cy], a = cos, b = sin.
        const double cx = 191.5, cy = 151;
        var (b, a) = Math.SinCos(degrees * Math.PI / 180);
        var opencv = new Matrix3x3(a, b, ((1 - a) * cx) - (b * cy), -b, a, (b * cx) + ((1 - a) * cy), 0, 0, 1);

        AssertClose(opencv, Matrix3x3.Rotation(degrees, cx, cy));
    }

    [Fact]
    public void Opposite_rotations_about_one_centre_cancel()
    {
        AssertClose(Matrix3x3.Identity, Matrix3x3.Rotation(-23.7, 191.5, 151) * Matrix3x3.Rotation(23.7, 191.5, 151));
    }

    [Fact]
    public void Shear_moves_x_by_tan_of_the_angle_per_unit_of_y()
    {
        var (x, y) = Matrix3x3.Shear(45, 0).Apply(0, 2);
        Assert.Equal(2.0, x, Tolerance);
        Assert.Equal(2.0, y, Tolerance);

        var (x2, y2) = Matrix3x3.Shear(0, 30).Apply(3, 0);
        Assert.Equal(3.0, x2, Tolerance);
        Assert.Equal(3 * Math.Tan(Math.PI / 6), y2, Tolerance);
    }

    [Fact]
    public void A_perspective_matrix_divides_by_w_and_is_not_affine()
    {
        var m = Samples["perspective"];
        Assert.False(m.IsAffine);
        Assert.True(Samples["affine"].IsAffine);

        var (x, y) = m.Apply(100, 50);
        var w = (0.0004 * 100) - (0.0002 * 50) + 1;
        Assert.Equal(((1.1 * 100) + (0.2 * 50) + 3) / w, x, Tolerance);
        Assert.Equal(((-0.1 * 100) + (0.9 * 50) + 5) / w, y, Tolerance);
    }

    private static void AssertClose(Matrix3x3 expected, Matrix3x3 actual)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        for (var i = 0; i < 9; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) < Tolerance, $"entry {i}: expected {e[i]}, got {a[i]} (expected {expected}, got {actual})");
        }
    }

    private static void AssertPoint((double X, double Y) expected, (double X, double Y) actual)
    {
        Assert.Equal(expected.X, actual.X, Tolerance);
        Assert.Equal(expected.Y, actual.Y, Tolerance);
    }
}
