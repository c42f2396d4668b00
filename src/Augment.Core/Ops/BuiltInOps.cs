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
        Rotate.Definition,
        Affine.Definition,
        RandomBrightnessContrast.Definition,
        GaussianBlur.Definition,
        OneOf.Definition,
        SomeOf.Definition,
        Sequential.Definition,
    ];
}
