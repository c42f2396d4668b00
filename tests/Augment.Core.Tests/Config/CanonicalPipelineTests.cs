using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>
/// The canonical pipeline (what cache keys hash) depends on what the pipeline means, not on how it is
/// written: defaults written out or left away, shorthand ranges, OpenCV codes, key order, YAML or JSON.
/// </summary>
public sealed class CanonicalPipelineTests
{
    [Fact]
    public void The_canonical_form_lists_every_parameter_resolved_in_ordinal_key_order()
    {
        var canonical = ConfigText.CanonicalYaml("HorizontalFlip", "Rotate: { limit: 15 }");

        Assert.Equal(
            """[{"op":"HorizontalFlip","params":{"p":0.5}},{"op":"Rotate","params":{"border_mode":"constant","fill":[0.0],"fill_mask":null,"interpolation":"linear","limit":[-15.0,15.0],"p":0.5,"rotate_method":"largest_box"}}]""",
            canonical);
    }

    [Theory]
    [InlineData("Rotate")]
    [InlineData("Rotate:")]
    [InlineData("Rotate: {}")]
    [InlineData("Rotate: { p: 0.5 }")]
    [InlineData("Rotate: { limit: 90, p: 0.50 }")]
    [InlineData("Rotate: { limit: [-90, 90], interpolation: linear, border_mode: constant, fill: 0, fill_mask: null, p: 0.5 }")]
    [InlineData("Rotate: { limit: [-90.0, 90.0], interpolation: 1, border_mode: 0, fill: [0], p: 5e-1 }")]
    public void Writing_rotates_defaults_or_leaving_them_out_is_the_same(string op)
    {
        Assert.Equal(ConfigText.CanonicalYaml("Rotate"), ConfigText.CanonicalYaml(op));
    }

    [Theory]
    [InlineData("Affine", "Affine: { scale: 1, rotate: 0, shear: 0, translate_percent: 0, translate_px: 0, interpolation: linear, border_mode: constant, fill: 0, p: 0.5 }")]
    [InlineData("Affine", "Affine: { scale: [1, 1], rotate: [0, 0], shear: [0, 0], translate_percent: [0, 0], translate_px: [0, 0] }")]
    [InlineData("RandomBrightnessContrast", "RandomBrightnessContrast: { brightness_limit: 0.2, contrast_limit: [-0.2, 0.2], p: 0.5 }")]
    [InlineData("GaussianBlur", "GaussianBlur: { blur_limit: [3, 7], sigma_limit: [0.5, 3.0], p: 0.5 }")]
    [InlineData("HorizontalFlip", "HorizontalFlip: { p: 0.5 }")]
    [InlineData("RandomRotate90: {}", "RandomRotate90: { p: 0.5 }")]
    [InlineData("SomeOf: { transforms: [HorizontalFlip] }", "SomeOf: { n: 1, replace: false, p: 1.0, transforms: [{ HorizontalFlip: { p: 0.5 } }] }")]
    [InlineData("OneOf: { transforms: [HorizontalFlip] }", "OneOf: { p: 0.5, transforms: [HorizontalFlip] }")]
    public void Writing_any_ops_defaults_or_leaving_them_out_is_the_same(string bare, string explicitDefaults)
    {
        Assert.Equal(ConfigText.CanonicalYaml(bare), ConfigText.CanonicalYaml(explicitDefaults));
    }

    [Theory]
    [InlineData("Rotate: { p: 0.5 }", "Rotate: { p: 0.51 }")]
    [InlineData("Rotate: { limit: 15 }", "Rotate: { limit: 16 }")]
    [InlineData("Rotate: { limit: [-15, 15] }", "Rotate: { limit: [-15, 14] }")]
    [InlineData("Rotate: { interpolation: linear }", "Rotate: { interpolation: cubic }")]
    [InlineData("Rotate: { border_mode: constant }", "Rotate: { border_mode: reflect101 }")]
    [InlineData("Rotate: { fill: 0 }", "Rotate: { fill: 255 }")]
    [InlineData("Rotate: {}", "Rotate: { fill_mask: 0 }")]
    [InlineData("Affine: { rotate: 10 }", "Affine: { rotate: [-10, 10] }")]
    [InlineData("Rotate", "Affine")]
    [InlineData("OneOf: { transforms: [HorizontalFlip, VerticalFlip] }", "OneOf: { transforms: [VerticalFlip, HorizontalFlip] }")]
    [InlineData("SomeOf: { transforms: [HorizontalFlip, Rotate] }", "SomeOf: { transforms: [HorizontalFlip, { Rotate: { limit: 5 } }] }")]
    public void Changing_what_the_pipeline_means_changes_the_canonical_form(string before, string after)
    {
        Assert.NotEqual(ConfigText.CanonicalYaml(before), ConfigText.CanonicalYaml(after));
    }

    [Fact]
    public void The_order_of_ops_is_part_of_the_canonical_form()
    {
        Assert.NotEqual(ConfigText.CanonicalYaml("HorizontalFlip", "Rotate"), ConfigText.CanonicalYaml("Rotate", "HorizontalFlip"));
    }

    [Theory]
    [InlineData("Rotate: { limit: 15 }", "Rotate: { limit: [-15, 15] }")]
    [InlineData("Rotate: { limit: -15 }", "Rotate: { limit: [-15, 15] }")]
    [InlineData("RandomBrightnessContrast: { brightness_limit: 0.3 }", "RandomBrightnessContrast: { brightness_limit: [-0.3, 0.3] }")]
    public void A_single_number_for_a_symmetric_range_means_minus_x_to_x(string shorthand, string pair)
    {
        Assert.Equal(ConfigText.CanonicalYaml(pair), ConfigText.CanonicalYaml(shorthand));
    }

    [Theory]
    [InlineData("Affine: { rotate: 10 }", "Affine: { rotate: [10, 10] }")]
    [InlineData("Affine: { scale: 1.5 }", "Affine: { scale: [1.5, 1.5] }")]
    [InlineData("GaussianBlur: { blur_limit: 5 }", "GaussianBlur: { blur_limit: [5, 5] }")]
    public void A_single_number_for_a_fixed_range_means_always_that_value(string shorthand, string pair)
    {
        Assert.Equal(ConfigText.CanonicalYaml(pair), ConfigText.CanonicalYaml(shorthand));
    }

    [Fact]
    public void Affines_single_rotate_is_not_symmetric()
    {
        Assert.Contains("\"rotate\":[10.0,10.0]", ConfigText.CanonicalYaml("Affine: { rotate: 10 }"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rotate: { interpolation: 2 }", "Rotate: { interpolation: cubic }")]
    [InlineData("Rotate: { interpolation: 0 }", "Rotate: { interpolation: nearest }")]
    [InlineData("Affine: { interpolation: 4 }", "Affine: { interpolation: lanczos4 }")]
    [InlineData("Rotate: { border_mode: 4 }", "Rotate: { border_mode: reflect101 }")]
    [InlineData("Rotate: { border_mode: 1 }", "Rotate: { border_mode: replicate }")]
    public void An_opencv_constant_means_the_same_as_its_name(string code, string name)
    {
        Assert.Equal(ConfigText.CanonicalYaml(name), ConfigText.CanonicalYaml(code));
    }

    [Fact]
    public void An_opencv_constant_in_json_means_the_same_as_its_name_in_yaml()
    {
        Assert.Equal(
            ConfigText.CanonicalYaml("Rotate: { interpolation: cubic }"),
            ConfigText.CanonicalJson("{ \"Rotate\": { \"interpolation\": 2 } }"));
    }

    [Fact]
    public void The_canonical_interpolation_is_the_name()
    {
        Assert.Contains("\"interpolation\":\"cubic\"", ConfigText.CanonicalYaml("Rotate: { interpolation: 2 }"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_opencv_constant_is_rejected_with_the_valid_names()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("Rotate: { interpolation: 7 }"), ConfigErrorCode.InvalidValue, 6, 30);

        Assert.Contains("nearest, linear, cubic, area, lanczos4", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_choice_is_rejected_with_a_suggestion()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("Rotate: { interpolation: cubc }"), ConfigErrorCode.InvalidValue, 6, 30);

        Assert.Contains("did you mean 'cubic'?", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_of_an_ops_parameters_does_not_matter()
    {
        Assert.Equal(
            ConfigText.CanonicalYaml("Affine: { rotate: [-15, 15], scale: [0.9, 1.1], translate_percent: [-0.06, 0.06], p: 1.0 }"),
            ConfigText.CanonicalYaml("Affine: { p: 1.0, translate_percent: [-0.06, 0.06], scale: [0.9, 1.1], rotate: [-15, 15] }"));
    }

    [Fact]
    public void The_order_of_root_keys_does_not_matter()
    {
        const string PipelineFirst = """
            pipeline:
              - Rotate: { limit: 10 }
            inputs:
              images: "images/*.png"
            seed: 42
            version: 1
            """;

        Assert.Equal(ConfigText.CanonicalYaml("Rotate: { limit: 10 }"), ConfigText.Parse(ConfigText.Yaml, PipelineFirst).CanonicalPipeline);
    }

    [Fact]
    public void A_yaml_config_and_a_json_config_with_the_same_content_give_the_same_canonical_pipeline()
    {
        const string Yaml = """
            version: 1
            seed: 42
            inputs:
              images: "images/**/*.png"
            pipeline:
              - HorizontalFlip: { p: 0.5 }
              - Affine: { rotate: [-15, 15], scale: [0.9, 1.1], translate_percent: [-0.06, 0.06], p: 1.0 }
              - RandomBrightnessContrast: { brightness_limit: 0.2, contrast_limit: 0.2, p: 0.5 }
              - OneOf:
                  p: 0.8
                  transforms:
                    - GaussianBlur: { blur_limit: [3, 7] }
                    - Rotate: { limit: 10, interpolation: cubic, fill: [0, 0, 255] }
            """;
        const string Json = """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/**/*.png" },
              "pipeline": [
                { "HorizontalFlip": { "p": 0.5 } },
                { "Affine": { "rotate": [-15, 15], "scale": [0.9, 1.1], "translate_percent": [-0.06, 0.06], "p": 1.0 } },
                { "RandomBrightnessContrast": { "brightness_limit": 0.2, "contrast_limit": 0.2, "p": 0.5 } },
                { "OneOf": {
                    "p": 0.8,
                    "transforms": [
                      { "GaussianBlur": { "blur_limit": [3, 7] } },
                      { "Rotate": { "limit": 10, "interpolation": "cubic", "fill": [0, 0, 255] } }
                    ]
                } }
              ]
            }
            """;

        var fromYaml = ConfigText.Parse(ConfigText.Yaml, Yaml).CanonicalPipeline;
        var fromJson = ConfigText.Parse(ConfigText.Json, Json).CanonicalPipeline;

        Assert.Equal(fromYaml, fromJson);
        Assert.Contains("\"brightness_limit\":[-0.2,0.2]", fromYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_written_as_an_integer_or_a_decimal_is_the_same()
    {
        Assert.Equal(ConfigText.CanonicalYaml("HorizontalFlip: { p: 1 }"), ConfigText.CanonicalYaml("HorizontalFlip: { p: 1.0 }"));
        Assert.Equal(ConfigText.CanonicalJson("{ \"HorizontalFlip\": { \"p\": 1 } }"), ConfigText.CanonicalYaml("HorizontalFlip: { p: 1.0 }"));
    }
}
