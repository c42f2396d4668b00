namespace Augment.Core.Tests.Pipeline;

/// <summary>Mask cases of the crops ops: pipelines the mask-label test and the alignment test run.</summary>
public sealed partial class MaskRenderingTests
{
    private static string[] CropsSpatialOps =>
    [
    ];

    /// <summary>Pipelines (of resampling or whole-pixel spatial ops) an image-derived mask must stay aligned through.</summary>
    private static string[] CropsAlignedPipelines =>
    [
    ];
}
