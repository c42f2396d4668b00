using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>
/// The sampled transform: degrees, a uniform scale, a translation in pixels plus one as fractions of
/// the width and height, an x-shear in degrees. Fractions are kept as drawn, so the record does not
/// depend on the size an earlier op produced.
/// </summary>
public sealed record AffineParams(
    double Rotate, double Scale, double TranslateX, double TranslateY, double Shear, double TranslatePercentX = 0, double TranslatePercentY = 0) : IOpParams;

/// <summary>
/// Scale, rotate and shear about the centre, then translate, as Albumentations' Affine. Single numbers
/// mean "always this value". <c>translate_percent</c> is a fraction of the width and height, drawn
/// separately for x and y; <c>translate_px</c> adds pixels. <c>shear</c> is along x.
/// </summary>
public sealed class Affine : SpatialOp<AffineParams>
{
    private Affine(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "Affine", OpFamily.Spatial, "scale, rotate, shear and translate", 0.5,
        [
            new RangeParam("scale", "scale factor range; x means always x", (1, 1), 0.01, 100, ScalarRange.Fixed),
            new RangeParam("rotate", "rotation range in degrees; x means always x", (0, 0), -360, 360, ScalarRange.Fixed),
            new RangeParam("shear", "x-shear range in degrees; x means always x", (0, 0), -89, 89, ScalarRange.Fixed),
            new RangeParam("translate_percent", "translation range as a fraction of width and height; x means always x", (0, 0), -1, 1, ScalarRange.Fixed),
            new RangeParam("translate_px", "translation range in pixels; x means always x", (0, 0), -100_000, 100_000, ScalarRange.Fixed),
            ResamplingArguments.RotateMethod,
            .. ResamplingArguments.Specs(),
        ],
        (d, a) => new Affine(d, a));

    public override AffineParams Sample(RandomStream rng, ImageInfo input)
    {
        var (percentLow, percentHigh) = Arguments.Range("translate_percent");
        var (pxLow, pxHigh) = Arguments.Range("translate_px");
        var rotate = Draw(rng, "rotate");
        var scale = Draw(rng, "scale");
        var shear = Draw(rng, "shear");
        var percentX = rng.Uniform(percentLow, percentHigh);
        var pxX = rng.Uniform(pxLow, pxHigh);
        var percentY = rng.Uniform(percentLow, percentHigh);
        var pxY = rng.Uniform(pxLow, pxHigh);
        return new AffineParams(rotate, scale, pxX, pxY, shear, percentX, percentY);
    }

    public override SpatialStep Transform(AffineParams p, ImageInfo input)
    {
        var (cx, cy) = input.Size.Centre;
        // Albumentations' order (create_affine_transformation_matrix): scale, rotate, shear, translate.
        var tx = p.TranslateX + (p.TranslatePercentX * input.Width);
        var ty = p.TranslateY + (p.TranslatePercentY * input.Height);
        var about = Matrix3x3.Translation(cx + tx, cy + ty)
                    * Matrix3x3.Shear(p.Shear, 0)
                    * Matrix3x3.Rotation(p.Rotate, 0, 0)
                    * Matrix3x3.Scale(p.Scale, p.Scale)
                    * Matrix3x3.Translation(-cx, -cy);
        return SpatialStep.Matrix(about, input.Size).With(Arguments);
    }
}
