using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Composition;
using Augment.Core.Ops.Spatial;

namespace Augment.Core.Ops;

/// <summary>The ops of this version, in one list; `dotnet augment ops` shows them by name.</summary>
internal static class BuiltInOps
{
    public static IReadOnlyList<OpDescriptor> All { get; } =
    [
        HorizontalFlip.Definition,
        VerticalFlip.Definition,
        Transpose.Definition,
        RandomRotate90.Definition,
        SquareSymmetry.Definition,
        SquareSymmetry.D4,
        Rotate.Definition,
        Affine.Definition,
        ShiftScaleRotate.Definition,
        Perspective.Definition,
        ElasticTransform.Definition,
        GridDistortion.Definition,
        RandomCrop.Definition,
        CenterCrop.Definition,
        RandomResizedCrop.Definition,
        BBoxSafeRandomCrop.Definition,
        RandomSizedBBoxSafeCrop.Definition,
        AtLeastOneBBoxRandomCrop.Definition,
        Resize.Definition,
        MaxSizeResize.Longest,
        MaxSizeResize.Smallest,
        PadIfNeeded.Definition,
        CoarseDropout.Definition,
        RandomBrightnessContrast.Definition,
        RandomGamma.Definition,
        HueSaturationValue.Definition,
        ColorJitter.Definition,
        RGBShift.Definition,
        ToGray.Definition,
        CLAHE.Definition,
        Equalize.Definition,
        Posterize.Definition,
        Solarize.Definition,
        InvertImg.Definition,
        GaussianBlur.Definition,
        MedianBlur.Definition,
        MotionBlur.Definition,
        Sharpen.Definition,
        GaussNoise.Definition,
        SaltAndPepper.Definition,
        ImageCompression.Definition,
        Downscale.Definition,
        OneOf.Definition,
        SomeOf.Definition,
        RandomOrder.Definition,
        OneOrOther.Definition,
        SelectiveChannelTransform.Definition,
        Sequential.Definition,
    ];
}
