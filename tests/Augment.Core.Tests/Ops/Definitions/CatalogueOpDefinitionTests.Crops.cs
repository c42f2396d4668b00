using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>Definition rows of the crops ops.</summary>
public sealed partial class CatalogueOpDefinitionTests
{
    private static (string Op, string Given, string Canonical)[] CropsBindings =>
    [
        ("Crop", "{ x_min: 10, y_min: 20, x_max: 60, y_max: 50, pad_if_needed: true, pad_position: top_left, border_mode: reflect101, fill: 9, fill_mask: 0, p: 0.5 }",
            "{'border_mode':'reflect101','fill':[9.0],'fill_mask':0,'p':0.5,'pad_if_needed':true,'pad_position':'top_left','x_max':60,'x_min':10,'y_max':50,'y_min':20}"),
        ("Crop", "{}", "{'border_mode':'constant','fill':[0.0],'fill_mask':null,'p':1.0,'pad_if_needed':false,'pad_position':'center','x_max':1024,'x_min':0,'y_max':1024,'y_min':0}"),
        ("Pad", "{ padding: [1, 2, 3, 4], border_mode: reflect101, fill: [1, 2, 3], fill_mask: 5, p: 0.5 }",
            "{'border_mode':'reflect101','fill':[1.0,2.0,3.0],'fill_mask':5,'p':0.5,'padding':[1,2,3,4]}"),
        ("Pad", "{ padding: [3, 7] }", "{'border_mode':'constant','fill':[0.0],'fill_mask':null,'p':1.0,'padding':[3,7,3,7]}"),
        ("Pad", "{ padding: 6 }", "{'border_mode':'constant','fill':[0.0],'fill_mask':null,'p':1.0,'padding':[6,6,6,6]}"),
        ("Pad", "{}", "{'border_mode':'constant','fill':[0.0],'fill_mask':null,'p':1.0,'padding':[0,0,0,0]}"),
        ("RandomSizedCrop", "{ min_max_height: [30, 50], size: [64, 32], w2h_ratio: 0.5, interpolation: cubic, p: 0.5 }",
            "{'interpolation':'cubic','min_max_height':[30,50],'p':0.5,'size':[64,32],'w2h_ratio':0.5}"),
        ("RandomSizedCrop", "{ min_max_height: [30, 50], size: [64, 64] }",
            "{'interpolation':'linear','min_max_height':[30,50],'p':1.0,'size':[64,64],'w2h_ratio':1.0}"),
        ("RandomScale", "{ scale_limit: [-0.5, 1], interpolation: nearest, p: 1 }", "{'interpolation':'nearest','p':1.0,'scale_limit':[-0.5,1.0]}"),
        ("RandomScale", "{ scale_limit: 0.2 }", "{'interpolation':'linear','p':0.5,'scale_limit':[-0.2,0.2]}"),
        ("RandomScale", "{}", "{'interpolation':'linear','p':0.5,'scale_limit':[-0.1,0.1]}"),
    ];

    private static (string Op, string Given, string At, string Code)[] CropsRejections =>
    [
        ("Crop", "{ x_min: 50, x_max: 40 }", "40", ConfigErrorCode.InvalidValue),
        ("Crop", "{ y_min: -1 }", "-1", ConfigErrorCode.OutOfRange),
        ("Crop", "{ pad_position: middle }", "middle", ConfigErrorCode.InvalidValue),
        ("Pad", "{ padding: [1, 2, 3] }", "[", ConfigErrorCode.InvalidValue),
        ("Pad", "{ padding: -2 }", "-2", ConfigErrorCode.OutOfRange),
        ("RandomSizedCrop", "{ size: [64, 64] }", "RandomSizedCrop", ConfigErrorCode.MissingKey),
        ("RandomSizedCrop", "{ min_max_height: [30, 50], size: [64, 64], w2h_ratio: 0 }", "0 }", ConfigErrorCode.OutOfRange),
        ("RandomScale", "{ scale_limit: [-1, 0] }", "-1", ConfigErrorCode.OutOfRange),
    ];
}
