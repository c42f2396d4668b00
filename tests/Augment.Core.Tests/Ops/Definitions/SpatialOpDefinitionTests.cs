using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>
/// Config to canonical arguments for every spatial op: once with every parameter written out (choices
/// given by OpenCV number where the op takes them, as Albumentations configs do), once with the
/// defaults filled in, and bad values rejected at their position.
/// </summary>
public sealed class SpatialOpDefinitionTests
{
    private const string ResamplingDefaults = "'border_mode':'constant','fill':[0.0],'fill_mask':null,'interpolation':'linear',";

    public static TheoryData<string, string, string> Bindings => new()
    {
        { "HorizontalFlip", "{ p: 0.25 }", "{'p':0.25}" },
        { "HorizontalFlip", "{}", "{'p':0.5}" },
        { "VerticalFlip", "{ p: 1 }", "{'p':1.0}" },
        { "VerticalFlip", "{}", "{'p':0.5}" },
        { "Transpose", "{ p: 0 }", "{'p':0.0}" },
        { "Transpose", "{}", "{'p':0.5}" },
        { "RandomRotate90", "{ p: 0.75 }", "{'p':0.75}" },
        { "RandomRotate90", "{}", "{'p':0.5}" },
        {
            "Rotate", "{ limit: [-10, 20], rotate_method: ellipse, interpolation: 2, border_mode: reflect101, fill: [1, 2, 3], fill_mask: 255, p: 1 }",
            "{'border_mode':'reflect101','fill':[1.0,2.0,3.0],'fill_mask':255,'interpolation':'cubic','limit':[-10.0,20.0],'p':1.0,'rotate_method':'ellipse'}"
        },
        { "Rotate", "{ limit: 15 }", "{" + ResamplingDefaults + "'limit':[-15.0,15.0],'p':0.5,'rotate_method':'largest_box'}" },
        { "Rotate", "{}", "{" + ResamplingDefaults + "'limit':[-90.0,90.0],'p':0.5,'rotate_method':'largest_box'}" },
        {
            "Affine", "{ scale: [0.9, 1.1], rotate: 15, shear: [-5, 5], translate_percent: 0.1, translate_px: [-4, 4], rotate_method: ellipse, interpolation: nearest, border_mode: 1, fill: 7, fill_mask: 0, p: 0.75 }",
            "{'border_mode':'replicate','fill':[7.0],'fill_mask':0,'interpolation':'nearest','p':0.75,'rotate':[15.0,15.0],'rotate_method':'ellipse','scale':[0.9,1.1],'shear':[-5.0,5.0],'translate_percent':[0.1,0.1],'translate_px':[-4.0,4.0]}"
        },
        {
            "Affine", "{}",
            "{" + ResamplingDefaults + "'p':0.5,'rotate':[0.0,0.0],'rotate_method':'largest_box','scale':[1.0,1.0],'shear':[0.0,0.0],'translate_percent':[0.0,0.0],'translate_px':[0.0,0.0]}"
        },
        {
            "ShiftScaleRotate", "{ shift_limit: 0.2, scale_limit: [-0.5, 0.25], rotate_limit: 30, rotate_method: largest_box, interpolation: area, border_mode: wrap, fill: [10, 20], fill_mask: 1, p: 1 }",
            "{'border_mode':'wrap','fill':[10.0,20.0],'fill_mask':1,'interpolation':'area','p':1.0,'rotate_limit':[-30.0,30.0],'rotate_method':'largest_box','scale_limit':[-0.5,0.25],'shift_limit':[-0.2,0.2]}"
        },
        {
            "ShiftScaleRotate", "{}",
            "{" + ResamplingDefaults + "'p':0.5,'rotate_limit':[-45.0,45.0],'rotate_method':'largest_box','scale_limit':[-0.1,0.1],'shift_limit':[-0.0625,0.0625]}"
        },
        {
            "Perspective", "{ scale: [0.02, 0.2], keep_size: false, interpolation: 4, border_mode: 2, fill: 9, fill_mask: 3, p: 0.1 }",
            "{'border_mode':'reflect','fill':[9.0],'fill_mask':3,'interpolation':'lanczos4','keep_size':false,'p':0.1,'scale':[0.02,0.2]}"
        },
        { "Perspective", "{}", "{" + ResamplingDefaults + "'keep_size':true,'p':0.5,'scale':[0.05,0.1]}" },
        {
            "ElasticTransform", "{ alpha: 34, sigma: 4, same_dxdy: true, noise_distribution: uniform, interpolation: cubic, border_mode: constant, fill: 0, fill_mask: 255, p: 0.5 }",
            "{'alpha':34.0,'border_mode':'constant','fill':[0.0],'fill_mask':255,'interpolation':'cubic','noise_distribution':'uniform','p':0.5,'same_dxdy':true,'sigma':4.0}"
        },
        {
            "ElasticTransform", "{}",
            "{'alpha':1.0,'border_mode':'reflect101','fill':[0.0],'fill_mask':null,'interpolation':'linear','noise_distribution':'gaussian','p':0.5,'same_dxdy':false,'sigma':50.0}"
        },
        {
            "GridDistortion", "{ num_steps: 8, distort_limit: [-0.5, 1], normalized: false, interpolation: 0, border_mode: 0, fill: 4, fill_mask: 2, p: 0.3 }",
            "{'border_mode':'constant','distort_limit':[-0.5,1.0],'fill':[4.0],'fill_mask':2,'interpolation':'nearest','normalized':false,'num_steps':8,'p':0.3}"
        },
        { "GridDistortion", "{ distort_limit: 0.2 }", "{'border_mode':'reflect101','distort_limit':[-0.2,0.2],'fill':[0.0],'fill_mask':null,'interpolation':'linear','normalized':true,'num_steps':5,'p':0.5}" },
        {
            "RandomCrop", "{ height: 100, width: 200, pad_if_needed: true, border_mode: reflect, fill: [1, 2, 3, 4], fill_mask: 7, p: 0.9 }",
            "{'border_mode':'reflect','fill':[1.0,2.0,3.0,4.0],'fill_mask':7,'height':100,'p':0.9,'pad_if_needed':true,'width':200}"
        },
        { "RandomCrop", "{ height: 32, width: 48 }", "{'border_mode':'constant','fill':[0.0],'fill_mask':null,'height':32,'p':1.0,'pad_if_needed':false,'width':48}" },
        {
            "CenterCrop", "{ height: 64, width: 65, pad_if_needed: true, border_mode: 3, fill: 128, fill_mask: 0, p: 0.5 }",
            "{'border_mode':'wrap','fill':[128.0],'fill_mask':0,'height':64,'p':0.5,'pad_if_needed':true,'width':65}"
        },
        { "CenterCrop", "{ height: 10, width: 20 }", "{'border_mode':'constant','fill':[0.0],'fill_mask':null,'height':10,'p':1.0,'pad_if_needed':false,'width':20}" },
        {
            "RandomResizedCrop", "{ size: [64, 96], scale: [0.5, 1], ratio: [1, 2], interpolation: cubic, p: 0.5 }",
            "{'interpolation':'cubic','p':0.5,'ratio':[1.0,2.0],'scale':[0.5,1.0],'size':[64,96]}"
        },
        { "RandomResizedCrop", "{ size: [224, 224] }", "{'interpolation':'linear','p':1.0,'ratio':[0.75,1.3333333333333333],'scale':[0.08,1.0],'size':[224,224]}" },
        { "BBoxSafeRandomCrop", "{ erosion_rate: 0.2, p: 0.5 }", "{'erosion_rate':0.2,'p':0.5}" },
        { "BBoxSafeRandomCrop", "{}", "{'erosion_rate':0.0,'p':1.0}" },
        {
            "RandomSizedBBoxSafeCrop", "{ height: 320, width: 256, erosion_rate: 0.1, interpolation: cubic, p: 0.9 }",
            "{'erosion_rate':0.1,'height':320,'interpolation':'cubic','p':0.9,'width':256}"
        },
        { "RandomSizedBBoxSafeCrop", "{ height: 64, width: 64 }", "{'erosion_rate':0.0,'height':64,'interpolation':'linear','p':1.0,'width':64}" },
        { "AtLeastOneBBoxRandomCrop", "{ height: 100, width: 120, erosion_factor: 0.5, p: 0.7 }", "{'erosion_factor':0.5,'height':100,'p':0.7,'width':120}" },
        { "AtLeastOneBBoxRandomCrop", "{ height: 100, width: 120 }", "{'erosion_factor':0.0,'height':100,'p':1.0,'width':120}" },
        { "Resize", "{ height: 32, width: 64, interpolation: 3, p: 0.5 }", "{'height':32,'interpolation':'area','p':0.5,'width':64}" },
        { "Resize", "{ height: 32, width: 64 }", "{'height':32,'interpolation':'linear','p':1.0,'width':64}" },
        { "LongestMaxSize", "{ max_size: 512, interpolation: nearest, p: 0.5 }", "{'interpolation':'nearest','max_size':512,'p':0.5}" },
        { "LongestMaxSize", "{}", "{'interpolation':'linear','max_size':1024,'p':1.0}" },
        { "SmallestMaxSize", "{ max_size: 256, interpolation: 4, p: 0 }", "{'interpolation':'lanczos4','max_size':256,'p':0.0}" },
        { "SmallestMaxSize", "{}", "{'interpolation':'linear','max_size':1024,'p':1.0}" },
        {
            "PadIfNeeded", "{ min_height: 100, min_width: 120, pad_height_divisor: 32, pad_width_divisor: 16, position: random, border_mode: constant, fill: 255, fill_mask: 0, p: 0.5 }",
            "{'border_mode':'constant','fill':[255.0],'fill_mask':0,'min_height':100,'min_width':120,'p':0.5,'pad_height_divisor':32,'pad_width_divisor':16,'position':'random'}"
        },
        {
            "PadIfNeeded", "{}",
            "{'border_mode':'constant','fill':[0.0],'fill_mask':null,'min_height':1024,'min_width':1024,'p':1.0,'pad_height_divisor':null,'pad_width_divisor':null,'position':'center'}"
        },
        {
            "CoarseDropout", "{ num_holes_range: [2, 8], hole_height_range: [8, 16], hole_width_range: [0.05, 0.1], fill: [0, 0, 255], fill_mask: 255, p: 1 }",
            "{'fill':[0.0,0.0,255.0],'fill_mask':255,'hole_height_range':[8.0,16.0],'hole_width_range':[0.05,0.1],'num_holes_range':[2,8],'p':1.0}"
        },
        { "CoarseDropout", "{}", "{'fill':[0.0],'fill_mask':null,'hole_height_range':[0.1,0.2],'hole_width_range':[0.1,0.2],'num_holes_range':[1,1],'p':0.5}" },
    };

    public static TheoryData<string, string, string, string> Rejections => new()
    {
        { "HorizontalFlip", "{ p: 1.5 }", "1.5", ConfigErrorCode.OutOfRange },
        { "VerticalFlip", "{ p: \"often\" }", "\"often\"", ConfigErrorCode.WrongType },
        { "Transpose", "{ axes: 1 }", "axes", ConfigErrorCode.UnknownKey },
        { "RandomRotate90", "{ p: -0.1 }", "-0.1", ConfigErrorCode.OutOfRange },
        { "Rotate", "{ limit: 400 }", "400", ConfigErrorCode.OutOfRange },
        { "Rotate", "{ limit: [20, -20] }", "[", ConfigErrorCode.InvalidValue },
        { "Rotate", "{ interpolation: bicubic }", "bicubic", ConfigErrorCode.InvalidValue },
        { "Rotate", "{ rotate_method: circle }", "circle", ConfigErrorCode.InvalidValue },
        { "Rotate", "{ limit: 10, fill_mask: 70000 }", "70000", ConfigErrorCode.OutOfRange },
        { "Affine", "{ scale: 0 }", "0", ConfigErrorCode.OutOfRange },
        { "Affine", "{ shear: [-5, 90] }", "90", ConfigErrorCode.OutOfRange },
        { "ShiftScaleRotate", "{ scale_limit: [-1, 0.5] }", "-1", ConfigErrorCode.OutOfRange },
        { "ShiftScaleRotate", "{ border_mode: 5 }", "5", ConfigErrorCode.InvalidValue },
        { "Perspective", "{ keep_size: 1 }", "1", ConfigErrorCode.WrongType },
        { "Perspective", "{ scale: [0.05, 1.5] }", "1.5", ConfigErrorCode.OutOfRange },
        { "ElasticTransform", "{ sigma: 0 }", "0", ConfigErrorCode.OutOfRange },
        { "ElasticTransform", "{ noise_distribution: normal }", "normal", ConfigErrorCode.InvalidValue },
        { "GridDistortion", "{ num_steps: 2.5 }", "2.5", ConfigErrorCode.WrongType },
        { "GridDistortion", "{ distort_limit: [-1, 0] }", "-1", ConfigErrorCode.OutOfRange },
        { "RandomCrop", "{ height: 32 }", "RandomCrop", ConfigErrorCode.MissingKey },
        { "RandomCrop", "{ height: 0, width: 16 }", "0", ConfigErrorCode.OutOfRange },
        { "RandomCrop", "{ height: 8, width: 8, fill: [1, 2, 3, 4, 5] }", "[", ConfigErrorCode.InvalidValue },
        { "CenterCrop", "{ height: 64, width: \"wide\" }", "\"wide\"", ConfigErrorCode.WrongType },
        { "CenterCrop", "{ width: 64 }", "CenterCrop", ConfigErrorCode.MissingKey },
        { "RandomResizedCrop", "{ size: [224, 224], scale: [0, 1] }", "0", ConfigErrorCode.OutOfRange },
        { "BBoxSafeRandomCrop", "{ erosion_rate: 1.5 }", "1.5", ConfigErrorCode.OutOfRange },
        { "RandomSizedBBoxSafeCrop", "{ height: 0, width: 64 }", "0", ConfigErrorCode.OutOfRange },
        { "AtLeastOneBBoxRandomCrop", "{ height: 64 }", "AtLeastOneBBoxRandomCrop", ConfigErrorCode.MissingKey },
        { "RandomResizedCrop", "{ size: [224, 224], ratio: [1, 2], crop: true }", "crop", ConfigErrorCode.UnknownKey },
        { "Resize", "{ height: -1, width: 64 }", "-1", ConfigErrorCode.OutOfRange },
        { "Resize", "{ height: 32, width: 64, interpolation: bilinear }", "bilinear", ConfigErrorCode.InvalidValue },
        { "LongestMaxSize", "{ max_size: 100001 }", "100001", ConfigErrorCode.OutOfRange },
        { "SmallestMaxSize", "{ max_size: 0 }", "0", ConfigErrorCode.OutOfRange },
        { "PadIfNeeded", "{ position: middle }", "middle", ConfigErrorCode.InvalidValue },
        { "PadIfNeeded", "{ pad_width_divisor: 0 }", "0", ConfigErrorCode.OutOfRange },
        { "CoarseDropout", "{ num_holes_range: [0, 4] }", "0", ConfigErrorCode.OutOfRange },
        { "CoarseDropout", "{ hole_height_range: [-0.1, 0.2] }", "-0.1", ConfigErrorCode.OutOfRange },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Binds_to_canonical_arguments(string op, string given, string canonical) =>
        OpDefinitionAssert.Binds(op, given, canonical);

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_a_bad_value_at_its_position(string op, string given, string at, string code) =>
        OpDefinitionAssert.Rejects(op, given, at, code);
}
