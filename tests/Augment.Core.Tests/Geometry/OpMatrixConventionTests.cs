using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Ops.Spatial;
using Augment.Core.Tests.Pipeline;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// The matrices Rotate and Affine hand to fusion follow Albumentations 2.x, so a pipeline copied from
/// it warps the same way (PRODUCT.md section 3): Rotate is cv::getRotationMatrix2D about
/// ((w - 1) / 2, (h - 1) / 2); Affine is create_affine_transformation_matrix
/// (albumentations/augmentations/geometric/functional.py):
/// shift_center @ translate @ shear @ rotate @ scale @ shift_topleft.
/// </summary>
public sealed class OpMatrixConventionTests
{
    private static readonly ImageInfo Info = new(384, 303, 1, 8);

    [Theory]
    [InlineData(30, 20)]
    [InlineData(-45, 10)]
    [InlineData(90, -15)]
    [InlineData(0, 25)]
    [InlineData(12, 0)]
    public void Affine_scales_then_rotates_then_shears_then_translates(double rotate, double shear)
    {
        var affine = (ISpatialOp)PipelineTestKit.Pipeline("- Affine: { p: 1 }")[0];
        var (cx, cy) = Info.Size.Centre;

        var actual = affine.Transform(new AffineParams(rotate, 1.2, 5, -3, shear), Info).Forward;

        var expected = Matrix3x3.Translation(cx + 5, cy - 3) * Matrix3x3.Shear(shear, 0) * Matrix3x3.Rotation(rotate, 0, 0)
                       * Matrix3x3.Scale(1.2, 1.2) * Matrix3x3.Translation(-cx, -cy);
        foreach (var (x, y) in new[] { (0.0, 0.0), (383.0, 0.0), (0.0, 302.0), (100.5, 200.25) })
        {
            var (ex, ey) = expected.Apply(x, y);
            var (ax, ay) = actual.Apply(x, y);
            Assert.True(Math.Abs(ex - ax) < 1e-6 && Math.Abs(ey - ay) < 1e-6,
                $"Affine(rotate {rotate}, shear {shear}, scale 1.2, translate (5, -3)) sends ({x}, {y}) to ({ax:F3}, {ay:F3}), not ({ex:F3}, {ey:F3})");
        }
    }

    [Theory]
    [InlineData(30)]
    [InlineData(-120)]
    public void Rotate_turns_about_the_pixel_grid_centre_as_getRotationMatrix2D(double angle)
    {
        var rotate = (ISpatialOp)PipelineTestKit.Pipeline("- Rotate: { p: 1 }")[0];

        var step = rotate.Transform(new RotateParams(angle), Info);

        Assert.Equal(Info.Size, step.OutputSize);
        var (cx, cy) = Info.Size.Centre;
        Assert.Equal((191.5, 151.0), (cx, cy));
        var (x, y) = step.Forward.Apply(cx, cy);
        Assert.Equal(cx, x, 1e-9);
        Assert.Equal(cy, y, 1e-9);
        Assert.Equal(Matrix3x3.Rotation(angle, cx, cy), step.Forward);
    }
}
