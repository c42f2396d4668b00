namespace Augment.Core.Tests.Pipeline;

/// <summary>Mask cases of the crops ops: pipelines the mask-label test and the alignment test run.</summary>
public sealed partial class MaskRenderingTests
{
    private static string[] CropsSpatialOps =>
    [
        "- Crop: { x_min: 30, y_min: 40, x_max: 330, y_max: 280, p: 1 }",
        "- Crop: { x_min: 100, y_min: 0, x_max: 500, y_max: 350, pad_if_needed: true, pad_position: random, p: 1 }",
        "- Pad: { padding: [10, 20, 30, 5], p: 1 }",
        "- Pad: { padding: 25, border_mode: reflect101, p: 1 }",
        "- RandomSizedCrop: { min_max_height: [120, 250], size: [200, 160], w2h_ratio: 1.2, p: 1 }",
        "- RandomScale: { scale_limit: [-0.5, 0.5], p: 1 }",
    ];

    /// <summary>Pipelines (of resampling or whole-pixel spatial ops) an image-derived mask must stay aligned through.</summary>
    private static string[] CropsAlignedPipelines =>
    [
        "- RandomScale: { scale_limit: [0.2, 0.6], interpolation: cubic, p: 1 }\n- Pad: { padding: [7, 3], p: 1 }\n" +
        "- RandomSizedCrop: { min_max_height: [200, 280], size: [240, 240], p: 1 }\n- Crop: { x_min: 5, y_min: 9, x_max: 230, y_max: 200, p: 1 }",
    ];
}
