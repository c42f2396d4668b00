using Augment.Core.Ops;
using Augment.Core.Ops.Spatial;
namespace Augment.GoldenImages;

/// <summary>Golden cases of the crops ops (expression-bodied, so the tolerances are set first).</summary>
internal static partial class GoldenCases
{
    private static GoldenCase[] CropsCases =>
    [
        Spatial("Crop", "region", "Crop: { x_min: 10, y_min: 8, x_max: 74, y_max: 56 }", new PadParams(0, 0), null,
            "64x48: columns 10-73 and rows 8-55 (as RandomCrop_inside)"),
        Spatial("Crop", "padded", "Crop: { x_min: 40, y_min: 0, x_max: 120, y_max: 80, pad_if_needed: true, fill: 255, fill_mask: 9 }", new PadParams(12, 4), null,
            "80x80: the image padded to 120x80 (centred: 12 columns left and right, 4 rows above and below), then its columns 40-119: source columns 28-95, 12 white columns on the right, 4 white rows on top and at the bottom; mask label 9 there"),
        Spatial("Pad", "sides", "Pad: { padding: [4, 8, 12, 16], fill: 128, fill_mask: 7 }", NoParams.Instance, null,
            "112x96: 4 gray columns left, 12 right, 8 gray rows on top, 16 below; mask label 7 there"),
        Spatial("RandomSizedCrop", "zoom", "RandomSizedCrop: { min_max_height: [30, 50], size: [60, 60], w2h_ratio: 1.5 }", new ResizedCropParams(20, 10, 60, 40), Resampling,
            "60x60: the 60x40 region at (20, 10) stretched taller"),
        Spatial("RandomScale", "shrink", "RandomScale: {}", new ScaleParams(0.5), Resampling,
            "48x36, half size, smooth"),
    ];
}
