using Augment.Core.Ops;
using Augment.Core.Ops.Spatial;

namespace Augment.GoldenImages;

/// <summary>Golden cases of the compositions ops (expression-bodied, so the tolerances are set first).</summary>
internal static partial class GoldenCases
{
    private static GoldenCase[] CompositionsCases =>
    [
        Composition("OneOrOther", "other", "OneOrOther: { transforms: [HorizontalFlip, VerticalFlip] }",
            [Chosen("0", "OneOrOther", 1), Child("0.1", "VerticalFlip", NoParams.Instance)],
            "as VerticalFlip_gray: the other child, and only it"),
        Composition("RandomOrder", "crop_then_transpose", "RandomOrder: { n: 2, transforms: [Transpose, { RandomCrop: { height: 40, width: 30 } }] }",
            [Chosen("0", "RandomOrder", 1, 0), Child("0.1", "RandomCrop", new CropParams(5, 10)), Child("0.0", "Transpose", NoParams.Instance)],
            "40x30: the crop runs first, in the drawn order, then the transpose (Sequential_transpose_then_crop is 30x40)"),
        new("SelectiveChannelTransform", "invert_red", GoldenInput.Astronaut,
            "SelectiveChannelTransform: { channels: [0], transforms: [{ InvertImg: { p: 1 } }] }",
            [Chosen("0", "SelectiveChannelTransform", 0), Child("0.0", "InvertImg", NoParams.Instance)], WithMask: false, null,
            "red inverted, green and blue untouched: a cyan cast where the photo was warm"),
    ];
}
