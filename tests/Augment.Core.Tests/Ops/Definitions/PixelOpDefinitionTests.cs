using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>
/// Config to canonical arguments for every pixel op: once with every parameter written out, once
/// with the defaults filled in, and bad values rejected at their position.
/// </summary>
public sealed class PixelOpDefinitionTests
{
    public static TheoryData<string, string, string> Bindings => new()
    {
        {
            "RandomBrightnessContrast", "{ brightness_limit: 0.3, contrast_limit: [-0.1, 0.5], p: 1 }",
            "{'brightness_limit':[-0.3,0.3],'contrast_limit':[-0.1,0.5],'p':1.0}"
        },
        { "RandomBrightnessContrast", "{}", "{'brightness_limit':[-0.2,0.2],'contrast_limit':[-0.2,0.2],'p':0.5}" },
        { "RandomGamma", "{ gamma_limit: [50, 150], p: 0.2 }", "{'gamma_limit':[50.0,150.0],'p':0.2}" },
        { "RandomGamma", "{}", "{'gamma_limit':[80.0,120.0],'p':0.5}" },
        {
            "HueSaturationValue", "{ hue_shift_limit: 10, sat_shift_limit: [0, 50], val_shift_limit: [-5, 5], p: 1 }",
            "{'hue_shift_limit':[-10.0,10.0],'p':1.0,'sat_shift_limit':[0.0,50.0],'val_shift_limit':[-5.0,5.0]}"
        },
        { "HueSaturationValue", "{}", "{'hue_shift_limit':[-20.0,20.0],'p':0.5,'sat_shift_limit':[-30.0,30.0],'val_shift_limit':[-20.0,20.0]}" },
        {
            "ColorJitter", "{ brightness: [0.5, 1.5], contrast: [1, 1], saturation: [0, 2], hue: [-0.1, 0.1], p: 0.8 }",
            "{'brightness':[0.5,1.5],'contrast':[1.0,1.0],'hue':[-0.1,0.1],'p':0.8,'saturation':[0.0,2.0]}"
        },
        { "ColorJitter", "{}", "{'brightness':[0.8,1.2],'contrast':[0.8,1.2],'hue':[-0.5,0.5],'p':0.5,'saturation':[0.8,1.2]}" },
        {
            "RGBShift", "{ r_shift_limit: 10, g_shift_limit: [0, 30], b_shift_limit: [-40, -10], p: 1 }",
            "{'b_shift_limit':[-40.0,-10.0],'g_shift_limit':[0.0,30.0],'p':1.0,'r_shift_limit':[-10.0,10.0]}"
        },
        { "RGBShift", "{}", "{'b_shift_limit':[-20.0,20.0],'g_shift_limit':[-20.0,20.0],'p':0.5,'r_shift_limit':[-20.0,20.0]}" },
        { "ToGray", "{ p: 0.1 }", "{'p':0.1}" },
        { "ToGray", "{}", "{'p':0.5}" },
        { "CLAHE", "{ clip_limit: [2, 2], tile_grid_size: [4, 6], p: 1 }", "{'clip_limit':[2.0,2.0],'p':1.0,'tile_grid_size':[4,6]}" },
        { "CLAHE", "{}", "{'clip_limit':[1.0,4.0],'p':0.5,'tile_grid_size':[8,8]}" },
        { "Equalize", "{ p: 0.3 }", "{'p':0.3}" },
        { "Equalize", "{}", "{'p':0.5}" },
        { "Posterize", "{ num_bits: [2, 6], p: 1 }", "{'num_bits':[2,6],'p':1.0}" },
        { "Posterize", "{ num_bits: 3 }", "{'num_bits':[3,3],'p':0.5}" },
        { "Posterize", "{}", "{'num_bits':[4,4],'p':0.5}" },
        { "Solarize", "{ threshold_range: [0.25, 0.75], p: 1 }", "{'p':1.0,'threshold_range':[0.25,0.75]}" },
        { "Solarize", "{}", "{'p':0.5,'threshold_range':[0.5,0.5]}" },
        { "InvertImg", "{ p: 0.9 }", "{'p':0.9}" },
        { "InvertImg", "{}", "{'p':0.5}" },
        { "GaussianBlur", "{ blur_limit: 5, sigma_limit: [1, 2], p: 1 }", "{'blur_limit':[5,5],'p':1.0,'sigma_limit':[1.0,2.0]}" },
        { "GaussianBlur", "{ blur_limit: 0 }", "{'blur_limit':[0,0],'p':0.5,'sigma_limit':[0.5,3.0]}" },
        { "GaussianBlur", "{}", "{'blur_limit':[3,7],'p':0.5,'sigma_limit':[0.5,3.0]}" },
        { "MedianBlur", "{ blur_limit: [5, 9], p: 1 }", "{'blur_limit':[5,9],'p':1.0}" },
        { "MedianBlur", "{}", "{'blur_limit':[3,7],'p':0.5}" },
        {
            "MotionBlur", "{ blur_limit: [5, 9], angle_range: [-45, 45], direction_range: [0, 0.5], p: 1 }",
            "{'angle_range':[-45.0,45.0],'blur_limit':[5,9],'direction_range':[0.0,0.5],'p':1.0}"
        },
        { "MotionBlur", "{}", "{'angle_range':[0.0,360.0],'blur_limit':[3,7],'direction_range':[-1.0,1.0],'p':0.5}" },
        { "Sharpen", "{ alpha: [0.1, 0.9], lightness: [1, 2], p: 1 }", "{'alpha':[0.1,0.9],'lightness':[1.0,2.0],'p':1.0}" },
        { "Sharpen", "{}", "{'alpha':[0.2,0.5],'lightness':[0.5,1.0],'p':0.5}" },
        {
            "GaussNoise", "{ std_range: [0.01, 0.05], mean_range: [-0.1, 0.1], per_channel: false, p: 1 }",
            "{'mean_range':[-0.1,0.1],'p':1.0,'per_channel':false,'std_range':[0.01,0.05]}"
        },
        { "GaussNoise", "{}", "{'mean_range':[0.0,0.0],'p':0.5,'per_channel':true,'std_range':[0.2,0.44]}" },
        { "SaltAndPepper", "{ amount: [0.1, 0.2], salt_vs_pepper: [0, 1], p: 1 }", "{'amount':[0.1,0.2],'p':1.0,'salt_vs_pepper':[0.0,1.0]}" },
        { "SaltAndPepper", "{}", "{'amount':[0.01,0.06],'p':0.5,'salt_vs_pepper':[0.4,0.6]}" },
        { "ImageCompression", "{ compression_type: webp, quality_range: [20, 60], p: 1 }", "{'compression_type':'webp','p':1.0,'quality_range':[20,60]}" },
        { "ImageCompression", "{}", "{'compression_type':'jpeg','p':0.5,'quality_range':[99,100]}" },
        { "Downscale", "{ scale_range: [0.1, 0.5], interpolation: 1, p: 1 }", "{'interpolation':'linear','p':1.0,'scale_range':[0.1,0.5]}" },
        { "Downscale", "{}", "{'interpolation':'nearest','p':0.5,'scale_range':[0.25,0.25]}" },
    };

    public static TheoryData<string, string, string, string> Rejections => new()
    {
        { "RandomBrightnessContrast", "{ brightness_limit: 2 }", "2", ConfigErrorCode.OutOfRange },
        { "RandomBrightnessContrast", "{ contrast_limit: [-1.5, 0.2] }", "-1.5", ConfigErrorCode.OutOfRange },
        { "RandomGamma", "{ gamma_limit: [0, 120] }", "0,", ConfigErrorCode.OutOfRange },
        { "HueSaturationValue", "{ hue_shift_limit: 200 }", "200", ConfigErrorCode.OutOfRange },
        { "HueSaturationValue", "{ hue_shift: 10 }", "hue_shift", ConfigErrorCode.UnknownKey },
        { "ColorJitter", "{ hue: [-0.6, 0.1] }", "-0.6", ConfigErrorCode.OutOfRange },
        { "ColorJitter", "{ saturation: [1.5, 0.5] }", "[", ConfigErrorCode.InvalidValue },
        { "RGBShift", "{ r_shift_limit: [-300, 0] }", "-300", ConfigErrorCode.OutOfRange },
        { "ToGray", "{ p: [0.5] }", "[", ConfigErrorCode.WrongType },
        { "CLAHE", "{ tile_grid_size: [0, 8] }", "0", ConfigErrorCode.OutOfRange },
        { "CLAHE", "{ tile_grid_size: [4.5, 8] }", "4.5", ConfigErrorCode.WrongType },
        { "Equalize", "{ p: true }", "true", ConfigErrorCode.WrongType },
        { "Posterize", "{ num_bits: 9 }", "9", ConfigErrorCode.OutOfRange },
        { "Posterize", "{ num_bits: [0, 4] }", "0", ConfigErrorCode.OutOfRange },
        { "Solarize", "{ threshold_range: [0.5, 1.5] }", "1.5", ConfigErrorCode.OutOfRange },
        { "InvertImg", "{ max_value: 255 }", "max_value", ConfigErrorCode.UnknownKey },
        { "GaussianBlur", "{ blur_limit: 4 }", "4", ConfigErrorCode.InvalidValue },
        { "GaussianBlur", "{ blur_limit: [3, 301] }", "301", ConfigErrorCode.OutOfRange },
        { "GaussianBlur", "{ sigma_limit: [0, 1] }", "0", ConfigErrorCode.OutOfRange },
        { "MedianBlur", "{ blur_limit: 1 }", "1", ConfigErrorCode.OutOfRange },
        { "MotionBlur", "{ direction_range: [-2, 1] }", "-2", ConfigErrorCode.OutOfRange },
        { "MotionBlur", "{ angle_range: 45 }", "45", ConfigErrorCode.WrongType },
        { "Sharpen", "{ alpha: [0.5, 0.2] }", "[", ConfigErrorCode.InvalidValue },
        { "GaussNoise", "{ per_channel: \"yes\" }", "\"yes\"", ConfigErrorCode.WrongType },
        { "GaussNoise", "{ std_range: [0.1, 2] }", "2", ConfigErrorCode.OutOfRange },
        { "SaltAndPepper", "{ amount: [0.1, 1.2] }", "1.2", ConfigErrorCode.OutOfRange },
        { "ImageCompression", "{ compression_type: png }", "png", ConfigErrorCode.InvalidValue },
        { "ImageCompression", "{ quality_range: [0, 55] }", "0", ConfigErrorCode.OutOfRange },
        { "Downscale", "{ scale_range: [0.5, 1] }", "1", ConfigErrorCode.OutOfRange },
        { "Downscale", "{ interpolation: 7 }", "7", ConfigErrorCode.InvalidValue },
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
