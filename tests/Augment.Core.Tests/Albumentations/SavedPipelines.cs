namespace Augment.Core.Tests.Albumentations;

/// <summary>
/// Saved Albumentations pipelines as A.save / A.to_dict write them, written for these tests after
/// Albumentations' own serialization fixtures (tests/files/*.json) and the pipelines of its
/// documentation: 2.x files (no always_apply; Affine's per-axis dictionaries; fill and fill_mask)
/// and 1.4.x files (always_apply; value and mask_value; var_limit; quality_lower), as indented and
/// compact JSON and as YAML, with module paths in some class names.
/// </summary>
internal static class SavedPipelines
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["v2-segmentation.json"] = """
            {
              "__version__": "2.0.8",
              "transform": {
                "__class_fullname__": "Compose",
                "p": 1.0,
                "transforms": [
                  { "__class_fullname__": "HorizontalFlip", "p": 0.5 },
                  { "__class_fullname__": "VerticalFlip", "p": 0.5 },
                  {
                    "__class_fullname__": "Affine",
                    "scale": { "x": [0.9, 1.1], "y": [0.9, 1.1] },
                    "translate_percent": { "x": [-0.0625, 0.0625], "y": [-0.0625, 0.0625] },
                    "translate_px": null,
                    "rotate": [-15.0, 15.0],
                    "shear": { "x": [0.0, 0.0], "y": [0.0, 0.0] },
                    "interpolation": 1,
                    "mask_interpolation": 0,
                    "fit_output": false,
                    "keep_ratio": false,
                    "rotate_method": "largest_box",
                    "balanced_scale": false,
                    "border_mode": 0,
                    "fill": 0.0,
                    "fill_mask": 0.0,
                    "p": 1.0
                  },
                  { "__class_fullname__": "ElasticTransform", "alpha": 34.0, "sigma": 4.0, "interpolation": 1, "approximate": false, "same_dxdy": false, "mask_interpolation": 0, "noise_distribution": "gaussian", "border_mode": 0, "fill": 0.0, "fill_mask": 0.0, "p": 0.5 },
                  { "__class_fullname__": "RandomBrightnessContrast", "brightness_limit": [-0.2, 0.2], "contrast_limit": [-0.2, 0.2], "brightness_by_max": true, "ensure_safe_range": false, "p": 0.5 },
                  { "__class_fullname__": "GaussNoise", "std_range": [0.02, 0.08], "mean_range": [0.0, 0.0], "per_channel": true, "noise_scale_factor": 1.0, "p": 0.3 }
                ],
                "bbox_params": null,
                "keypoint_params": null,
                "additional_targets": {},
                "is_check_shapes": true
              }
            }
            """,
        ["v2-classification.json"] = """{"__version__": "2.0.5", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [{"__class_fullname__": "RandomResizedCrop", "size": [224, 224], "scale": [0.08, 1.0], "ratio": [0.75, 1.3333333333333333], "interpolation": 1, "mask_interpolation": 0, "p": 1.0}, {"__class_fullname__": "HorizontalFlip", "p": 0.5}, {"__class_fullname__": "ColorJitter", "brightness": [0.8, 1.2], "contrast": [0.8, 1.2], "saturation": [0.8, 1.2], "hue": [-0.1, 0.1], "p": 0.8}, {"__class_fullname__": "ToGray", "num_output_channels": 3, "method": "weighted_average", "p": 0.2}, {"__class_fullname__": "Normalize", "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "max_pixel_value": 255.0, "normalization": "standard", "p": 1.0}, {"__class_fullname__": "ToTensorV2", "transpose_mask": false, "p": 1.0}], "bbox_params": null, "keypoint_params": null, "additional_targets": {}, "is_check_shapes": true}}""",
        ["v2-oneof-blurs.yaml"] = """
            __version__: 2.0.8
            transform:
              __class_fullname__: Compose
              additional_targets: {}
              bbox_params: null
              is_check_shapes: true
              keypoint_params: null
              p: 1.0
              transforms:
              - __class_fullname__: RandomRotate90
                p: 0.5
              - __class_fullname__: OneOf
                p: 0.8
                transforms:
                - __class_fullname__: GaussianBlur
                  blur_limit:
                  - 3
                  - 5
                  sigma_limit:
                  - 0.5
                  - 3.0
                  p: 1.0
                - __class_fullname__: MotionBlur
                  blur_limit:
                  - 3
                  - 7
                  p: 1.0
                - __class_fullname__: MedianBlur
                  blur_limit:
                  - 3
                  - 5
                  p: 1.0
              - __class_fullname__: CLAHE
                clip_limit:
                - 1.0
                - 4.0
                tile_grid_size:
                - 8
                - 8
                p: 0.3
            """,
        ["v2-someof-colour.yaml"] = """
            __version__: 2.0.8
            transform:
              __class_fullname__: albumentations.core.composition.Compose
              p: 1.0
              transforms:
              - __class_fullname__: albumentations.core.composition.SomeOf
                n: 2
                replace: false
                p: 1.0
                transforms:
                - __class_fullname__: albumentations.augmentations.transforms.RandomGamma
                  gamma_limit: [80, 120]
                  p: 1.0
                - __class_fullname__: albumentations.augmentations.transforms.HueSaturationValue
                  hue_shift_limit: [-20, 20]
                  sat_shift_limit: [-30, 30]
                  val_shift_limit: [-20, 20]
                  p: 1.0
                - __class_fullname__: albumentations.augmentations.transforms.RGBShift
                  r_shift_limit: [-15, 15]
                  g_shift_limit: [-15, 15]
                  b_shift_limit: [-15, 15]
                  p: 1.0
                - __class_fullname__: albumentations.augmentations.transforms.Posterize
                  num_bits: [4, 6]
                  p: 1.0
              - __class_fullname__: albumentations.augmentations.transforms.InvertImg
                p: 0.05
            """,
        ["v2-detection.json"] = """
            {
              "__version__": "2.0.8",
              "transform": {
                "__class_fullname__": "Compose",
                "p": 1.0,
                "transforms": [
                  { "__class_fullname__": "RandomSizedBBoxSafeCrop", "height": 512, "width": 512, "erosion_rate": 0.0, "interpolation": 1, "mask_interpolation": 0, "p": 0.5 },
                  { "__class_fullname__": "HorizontalFlip", "p": 0.5 },
                  { "__class_fullname__": "Rotate", "limit": [-10.0, 10.0], "interpolation": 1, "border_mode": 0, "rotate_method": "ellipse", "crop_border": false, "mask_interpolation": 0, "fill": 114.0, "fill_mask": 0.0, "p": 0.5 },
                  { "__class_fullname__": "RandomBrightnessContrast", "brightness_limit": [-0.1, 0.1], "contrast_limit": [-0.1, 0.1], "brightness_by_max": true, "ensure_safe_range": false, "p": 0.3 }
                ],
                "bbox_params": { "format": "yolo", "label_fields": ["class_labels"], "min_area": 16.0, "min_visibility": 0.3, "min_width": 0.0, "min_height": 0.0, "check_each_transform": true, "clip": true, "filter_invalid_bboxes": false, "max_accept_ratio": null },
                "keypoint_params": null,
                "additional_targets": {},
                "is_check_shapes": true
              }
            }
            """,
        ["v2-pose.json"] = """{"__version__": "2.0.8", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [{"__class_fullname__": "HorizontalFlip", "p": 0.5}, {"__class_fullname__": "ShiftScaleRotate", "shift_limit_x": [-0.05, 0.05], "shift_limit_y": [-0.05, 0.05], "scale_limit": [-0.1, 0.1], "rotate_limit": [-20.0, 20.0], "interpolation": 1, "border_mode": 0, "rotate_method": "largest_box", "mask_interpolation": 0, "fill": 0.0, "fill_mask": 0.0, "p": 0.7}], "bbox_params": {"format": "yolo", "label_fields": ["class_labels"], "min_area": 0.0, "min_visibility": 0.0, "min_width": 0.0, "min_height": 0.0, "check_each_transform": true, "clip": false, "filter_invalid_bboxes": false, "max_accept_ratio": null}, "keypoint_params": {"format": "xy", "label_fields": ["keypoint_labels"], "remove_invisible": true, "angle_in_degrees": true, "check_each_transform": true}, "additional_targets": {}, "is_check_shapes": true}}""",
        ["v2-crops-and-pads.yaml"] = """
            __version__: 2.0.8
            transform:
              __class_fullname__: Compose
              p: 1.0
              transforms:
              - __class_fullname__: LongestMaxSize
                max_size: 640
                max_size_hw: null
                interpolation: 1
                mask_interpolation: 0
                p: 1.0
              - __class_fullname__: PadIfNeeded
                min_height: 640
                min_width: 640
                pad_height_divisor: null
                pad_width_divisor: null
                position: center
                border_mode: 0
                fill: 0.0
                fill_mask: 0.0
                p: 1.0
              - __class_fullname__: RandomCrop
                height: 512
                width: 512
                pad_if_needed: false
                pad_position: center
                border_mode: 0
                fill: 0.0
                fill_mask: 0.0
                p: 1.0
              - __class_fullname__: CoarseDropout
                num_holes_range: [1, 8]
                hole_height_range: [8, 32]
                hole_width_range: [8, 32]
                fill: 0
                fill_mask: null
                p: 0.5
            """,
        ["v2-degradations.json"] = """{"__version__": "2.0.8", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [{"__class_fullname__": "ImageCompression", "compression_type": "jpeg", "quality_range": [60, 95], "p": 0.5}, {"__class_fullname__": "Downscale", "scale_range": [0.5, 0.9], "interpolation_pair": {"downscale": 0, "upscale": 0}, "p": 0.2}, {"__class_fullname__": "Sharpen", "alpha": [0.2, 0.5], "lightness": [0.5, 1.0], "method": "kernel", "kernel_size": 5, "sigma": 1.0, "p": 0.2}, {"__class_fullname__": "SaltAndPepper", "amount": [0.01, 0.06], "salt_vs_pepper": [0.4, 0.6], "p": 0.1}, {"__class_fullname__": "Solarize", "threshold_range": [0.5, 0.5], "p": 0.05}, {"__class_fullname__": "Equalize", "mode": "cv", "by_channels": true, "mask": null, "mask_params": [], "p": 0.1}], "bbox_params": null, "keypoint_params": null, "additional_targets": {}, "is_check_shapes": true}}""",
        ["v2-geometry-mix.yaml"] = """
            __version__: 2.0.8
            transform:
              __class_fullname__: Compose
              p: 1.0
              transforms:
              - __class_fullname__: Sequential
                p: 0.5
                transforms:
                - __class_fullname__: Transpose
                  p: 0.5
                - __class_fullname__: GridDistortion
                  num_steps: 5
                  distort_limit: [-0.3, 0.3]
                  interpolation: 1
                  normalized: true
                  mask_interpolation: 0
                  border_mode: 0
                  fill: 0.0
                  fill_mask: 0.0
                  p: 0.5
              - __class_fullname__: Perspective
                scale: [0.05, 0.1]
                keep_size: true
                fit_output: false
                interpolation: 1
                mask_interpolation: 0
                border_mode: 0
                fill: 0.0
                fill_mask: 0.0
                p: 0.3
              - __class_fullname__: CenterCrop
                height: 256
                width: 256
                pad_if_needed: true
                pad_position: center
                border_mode: 0
                fill: 0.0
                fill_mask: 0.0
                p: 1.0
            """,
        ["v2-catalogue-additions.json"] = """
            {
              "__version__": "2.0.8",
              "transform": {
                "__class_fullname__": "Compose",
                "p": 1.0,
                "transforms": [
                  {"__class_fullname__": "Pad", "padding": [4, 8, 4, 8], "fill": 0.0, "fill_mask": 0.0, "border_mode": 0, "p": 1.0},
                  {"__class_fullname__": "Crop", "x_min": 0, "y_min": 0, "x_max": 320, "y_max": 300, "pad_if_needed": false, "pad_position": "center", "border_mode": 0, "fill": 0.0, "fill_mask": 0.0, "p": 1.0},
                  {"__class_fullname__": "Blur", "blur_limit": [3, 7], "p": 0.3},
                  {"__class_fullname__": "Emboss", "alpha": [0.2, 0.5], "strength": [0.2, 0.7], "p": 0.2},
                  {"__class_fullname__": "UnsharpMask", "blur_limit": [3, 7], "sigma_limit": [0.0, 0.0], "alpha": [0.2, 0.5], "threshold": 10, "p": 0.2},
                  {"__class_fullname__": "OneOf", "p": 0.5, "transforms": [
                    {"__class_fullname__": "ChannelShuffle", "p": 1.0},
                    {"__class_fullname__": "ToSepia", "p": 1.0},
                    {"__class_fullname__": "ChannelDropout", "channel_drop_range": [1, 2], "fill": 0.0, "p": 1.0}
                  ]},
                  {"__class_fullname__": "MultiplicativeNoise", "multiplier": [0.9, 1.1], "per_channel": true, "elementwise": true, "p": 0.3}
                ],
                "bbox_params": null,
                "keypoint_params": null,
                "additional_targets": {},
                "is_check_shapes": true
              }
            }
            """,
        ["v1.4-crops.yaml"] = """
            __version__: 1.4.24
            transform:
              __class_fullname__: albumentations.core.composition.Compose
              p: 1.0
              transforms:
              - __class_fullname__: albumentations.augmentations.crops.transforms.Crop
                always_apply: false
                p: 1.0
                x_min: 10
                y_min: 0
                x_max: 330
                y_max: 300
              - __class_fullname__: albumentations.augmentations.crops.transforms.RandomSizedCrop
                always_apply: false
                p: 1.0
                min_max_height: [150, 250]
                height: 192
                width: 256
                w2h_ratio: 1.0
                interpolation: 1
              - __class_fullname__: albumentations.augmentations.geometric.resize.RandomScale
                always_apply: false
                p: 0.5
                interpolation: 1
                scale_limit: [-0.2, 0.2]
              bbox_params: null
              keypoint_params: null
              additional_targets: {}
              is_check_shapes: true
            """,
        ["v1.4-segmentation.json"] = """
            {
                "__version__": "1.4.18",
                "transform": {
                    "__class_fullname__": "Compose",
                    "p": 1.0,
                    "transforms": [
                        {
                            "__class_fullname__": "HorizontalFlip",
                            "always_apply": false,
                            "p": 0.5
                        },
                        {
                            "__class_fullname__": "ShiftScaleRotate",
                            "always_apply": false,
                            "p": 0.5,
                            "shift_limit_x": [-0.0625, 0.0625],
                            "shift_limit_y": [-0.0625, 0.0625],
                            "scale_limit": [-0.09999999999999998, 0.10000000000000009],
                            "rotate_limit": [-45, 45],
                            "interpolation": 1,
                            "border_mode": 4,
                            "value": null,
                            "mask_value": null,
                            "rotate_method": "largest_box"
                        },
                        {
                            "__class_fullname__": "GridDistortion",
                            "always_apply": false,
                            "p": 0.3,
                            "num_steps": 5,
                            "distort_limit": [-0.3, 0.3],
                            "interpolation": 1,
                            "border_mode": 4,
                            "value": null,
                            "mask_value": null,
                            "normalized": false
                        },
                        {
                            "__class_fullname__": "GaussNoise",
                            "always_apply": false,
                            "p": 0.5,
                            "var_limit": [10.0, 50.0],
                            "per_channel": true,
                            "mean": 0,
                            "noise_scale_factor": 1
                        }
                    ],
                    "bbox_params": null,
                    "keypoint_params": null,
                    "additional_targets": {},
                    "is_check_shapes": true
                }
            }
            """,
        ["v1.4-classification.json"] = """{"__version__": "1.4.24", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [{"__class_fullname__": "SmallestMaxSize", "always_apply": false, "p": 1, "max_size": 256, "interpolation": 1}, {"__class_fullname__": "CenterCrop", "always_apply": false, "p": 1.0, "height": 224, "width": 224}, {"__class_fullname__": "HueSaturationValue", "always_apply": false, "p": 0.5, "hue_shift_limit": [-20, 20], "sat_shift_limit": [-30, 30], "val_shift_limit": [-20, 20]}, {"__class_fullname__": "ImageCompression", "always_apply": false, "p": 0.5, "quality_lower": 80, "quality_upper": 100, "compression_type": 0}, {"__class_fullname__": "Normalize", "always_apply": true, "p": 1.0, "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "max_pixel_value": 255.0}], "bbox_params": null, "keypoint_params": null, "additional_targets": {}, "is_check_shapes": true}}""",
        ["v1.4-dropout.yaml"] = """
            __version__: 1.4.18
            transform:
              __class_fullname__: Compose
              additional_targets: {}
              bbox_params: null
              is_check_shapes: true
              keypoint_params: null
              p: 1.0
              transforms:
              - __class_fullname__: CoarseDropout
                always_apply: false
                fill_value: 0
                mask_fill_value: null
                max_height: 32
                max_holes: 8
                max_width: 32
                min_height: 8
                min_holes: 1
                min_width: 8
                p: 0.5
              - __class_fullname__: Downscale
                always_apply: false
                interpolation: 0
                p: 0.25
                scale_max: 0.75
                scale_min: 0.5
              - __class_fullname__: Solarize
                always_apply: false
                p: 0.1
                threshold:
                - 128
                - 128
              - __class_fullname__: RandomGamma
                always_apply: false
                eps: null
                gamma_limit:
                - 80
                - 120
                p: 0.5
            """,
        ["v1.4-always-apply.json"] = """{"__version__": "1.4.10", "transform": {"__class_fullname__": "Compose", "p": 1.0, "transforms": [{"__class_fullname__": "Resize", "always_apply": true, "p": 1, "height": 384, "width": 384, "interpolation": 1}, {"__class_fullname__": "RandomRotate90", "always_apply": false, "p": 0.5}, {"__class_fullname__": "Transpose", "always_apply": false, "p": 0.5}, {"__class_fullname__": "OneOf", "p": 0.5, "transforms": [{"__class_fullname__": "MotionBlur", "always_apply": false, "p": 0.2, "blur_limit": [3, 7]}, {"__class_fullname__": "MedianBlur", "always_apply": false, "p": 0.1, "blur_limit": [3, 3]}, {"__class_fullname__": "GaussianBlur", "always_apply": false, "p": 0.1, "blur_limit": [3, 7], "sigma_limit": [0.1, 2.0]}]}, {"__class_fullname__": "CLAHE", "always_apply": true, "p": 0.5, "clip_limit": [1, 4.0], "tile_grid_size": [8, 8]}], "bbox_params": null, "keypoint_params": null, "additional_targets": {}, "is_check_shapes": true}}""",
        ["v1.4-detection.yaml"] = """
            __version__: 1.4.18
            transform:
              __class_fullname__: Compose
              additional_targets: {}
              bbox_params:
                check_each_transform: true
                clip: false
                filter_invalid_bboxes: false
                format: pascal_voc
                label_fields:
                - class_labels
                min_area: 0.0
                min_height: 0.0
                min_visibility: 0.1
                min_width: 0.0
              is_check_shapes: true
              keypoint_params: null
              p: 1.0
              transforms:
              - __class_fullname__: RandomCrop
                always_apply: false
                height: 256
                p: 1.0
                width: 256
              - __class_fullname__: HorizontalFlip
                always_apply: false
                p: 0.5
              - __class_fullname__: RandomBrightnessContrast
                always_apply: false
                brightness_by_max: true
                brightness_limit:
                - -0.2
                - 0.2
                contrast_limit:
                - -0.2
                - 0.2
                p: 0.2
            """,
        ["v1.4-compose-p.json"] = """
            {"__version__": "1.4.18",
             "transform": {"__class_fullname__": "Compose", "p": 0.8, "transforms": [
                {"__class_fullname__": "VerticalFlip", "always_apply": false, "p": 0.5},
                {"__class_fullname__": "RandomResizedCrop", "always_apply": false, "p": 1.0, "height": 128, "width": 160, "scale": [0.5, 1.0], "ratio": [0.75, 1.3333333333333333], "interpolation": 1},
                {"__class_fullname__": "Rotate", "always_apply": false, "p": 0.5, "limit": [-30, 30], "interpolation": 1, "border_mode": 4, "value": null, "mask_value": null, "rotate_method": "largest_box", "crop_border": false}
             ], "bbox_params": null, "keypoint_params": null, "additional_targets": {}, "is_check_shapes": true}}
            """,
    };
}
