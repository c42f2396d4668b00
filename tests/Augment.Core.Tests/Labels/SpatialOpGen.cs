using System.Globalization;
using Augment.Core.Labels;
using FsCheck;
using FsCheck.Fluent;

namespace Augment.Core.Tests.Labels;

/// <summary>
/// What the label property tests share: random spatial ops as config lines, with nearest
/// interpolation and a constant 0 border so that object and marker pixels stay exact.
/// </summary>
internal static class SpatialOpGen
{
    public const string Exact = "interpolation: 0, border_mode: 0, fill: 0, p: 1";
    private const string Border = "border_mode: 0, fill: 0, p: 1";

    /// <summary>Every matrix op: flips, quarter turns, rotations, affine and perspective maps, crops, resizes, pads.</summary>
    public static Gen<string> MatrixOp() => Gen.OneOf(
        Gen.Elements("- HorizontalFlip: { p: 1 }", "- VerticalFlip: { p: 1 }", "- Transpose: { p: 1 }", "- RandomRotate90: { p: 1 }"),
        from low in Gen.Choose(-180, 180) from span in Gen.Choose(0, 90)
        select $"- Rotate: {{ limit: [{low}, {Math.Min(180, low + span)}], {Exact} }}",
        from scale in Gen.Choose(6, 14) from rotate in Gen.Choose(0, 180) from shear in Gen.Choose(0, 25) from shift in Gen.Choose(0, 20)
        select $"- Affine: {{ scale: [{Tenths(scale)}, 1.4], rotate: [-{rotate}, {rotate}], shear: [-{shear}, {shear}], translate_percent: [-{Hundredths(shift)}, {Hundredths(shift)}], {Exact} }}",
        from px in Gen.Choose(0, 30)
        select $"- Affine: {{ translate_px: [-{px}, {px}], {Exact} }}",
        from shift in Gen.Choose(0, 20) from scale in Gen.Choose(0, 30) from rotate in Gen.Choose(0, 90)
        select $"- ShiftScaleRotate: {{ shift_limit: {Hundredths(shift)}, scale_limit: {Hundredths(scale)}, rotate_limit: {rotate}, {Exact} }}",
        from high in Gen.Choose(3, 15) from keep in Gen.Elements("true", "false")
        select $"- Perspective: {{ scale: [0.02, {Hundredths(high)}], keep_size: {keep}, {Exact} }}",
        from op in Gen.Elements("RandomCrop", "CenterCrop") from h in Gen.Choose(48, 150) from w in Gen.Choose(48, 150)
        select $"- {op}: {{ height: {h}, width: {w}, pad_if_needed: true, {Border} }}",
        from h in Gen.Choose(64, 160) from w in Gen.Choose(64, 160) from low in Gen.Choose(3, 10)
        select $"- RandomResizedCrop: {{ size: [{h}, {w}], scale: [{Tenths(low)}, 1], interpolation: 0, p: 1 }}",
        from h in Gen.Choose(64, 200) from w in Gen.Choose(64, 200)
        select $"- Resize: {{ height: {h}, width: {w}, interpolation: 0, p: 1 }}",
        from h in Gen.Choose(96, 220) from w in Gen.Choose(96, 220)
        from position in Gen.Elements("center", "top_left", "top_right", "bottom_left", "bottom_right", "random")
        select $"- PadIfNeeded: {{ min_height: {h}, min_width: {w}, position: {position}, {Border} }}");

    /// <summary>An ElasticTransform with alpha and sigma drawn from the given ranges.</summary>
    public static Gen<string> Elastic(int alphaLow, int alphaHigh, int sigmaLow, int sigmaHigh) =>
        from alpha in Gen.Choose(alphaLow, alphaHigh) from sigma in Gen.Choose(sigmaLow, sigmaHigh) from same in Gen.Elements("true", "false")
        from noise in Gen.Elements("gaussian", "uniform")
        select $"- ElasticTransform: {{ alpha: {alpha}, sigma: {sigma}, same_dxdy: {same}, noise_distribution: {noise}, {Exact} }}";

    public static string Tenths(int value) => (value / 10.0).ToString(CultureInfo.InvariantCulture);

    public static string Hundredths(int value) => (value / 100.0).ToString(CultureInfo.InvariantCulture);

    public static string Show(BoundingBox b) => FormattableString.Invariant($"({b.XMin:0.###}, {b.YMin:0.###}, {b.XMax:0.###}, {b.YMax:0.###})");
}
