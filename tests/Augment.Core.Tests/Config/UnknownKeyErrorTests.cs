using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>Unknown keys are errors (AUG2002) at the key, never ignored; a close spelling is offered.</summary>
public sealed class UnknownKeyErrorTests
{
    public static TheoryData<string, string, int, int> MisspelledRootKey => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            varients: 3
            inputs:
              images: "images/*.png"
            pipeline: []
            """,
            3, 1
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "varients": 3,
              "inputs": { "images": "images/*.png" },
              "pipeline": []
            }
            """,
            4, 3
        },
    };

    public static TheoryData<string, string, int, int> MisspelledOutputKey => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            output:
              dir: out
              fromat: png
            pipeline: []
            """,
            7, 3
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "output": { "dir": "out", "fromat": "png" },
              "pipeline": []
            }
            """,
            5, 29
        },
    };

    public static TheoryData<string, string, int, int> MisspelledOpParameter => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - Rotate: { limt: 10 }
            """,
            6, 15
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "Rotate": { "limt": 10 } }
              ]
            }
            """,
            6, 19
        },
    };

    [Theory]
    [MemberData(nameof(MisspelledRootKey))]
    public void A_misspelled_root_key_is_reported_at_the_key_with_the_right_spelling(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.UnknownKey, line, column);

        Assert.Contains("unknown key 'varients' in the config", error.Problem, StringComparison.Ordinal);
        Assert.Contains("did you mean 'variants'?", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MisspelledOutputKey))]
    public void A_misspelled_key_in_output_is_reported_at_the_key(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.UnknownKey, line, column);

        Assert.Contains("unknown key 'fromat' in output", error.Problem, StringComparison.Ordinal);
        Assert.Contains("did you mean 'format'?", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MisspelledOpParameter))]
    public void A_misspelled_op_parameter_is_reported_at_the_key_with_the_valid_ones(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.UnknownKey, line, column);

        Assert.Contains("unknown key 'limt' in Rotate", error.Problem, StringComparison.Ordinal);
        Assert.Contains("did you mean 'limit'?", error.Problem, StringComparison.Ordinal);
        Assert.Contains("valid keys: limit, rotate_method, interpolation, border_mode, fill, fill_mask, p", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_like_no_valid_key_lists_the_valid_keys_without_a_guess()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig("colour: red\n"), ConfigErrorCode.UnknownKey, 5, 1);

        Assert.DoesNotContain("did you mean", error.Problem, StringComparison.Ordinal);
        Assert.Contains("valid keys: version, seed, inputs, variants, output, masks, limits, pipeline, bbox_params, keypoint_params", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 1\nseed: 42\ninputs:\n  image: a.png\npipeline: []\n", 4, 3, "unknown key 'image' in inputs; did you mean 'images'?")]
    [InlineData("version: 1\nseed: 42\ninputs:\n  images: a.png\nmasks:\n  fil: 3\npipeline: []\n", 6, 3, "unknown key 'fil' in masks; did you mean 'fill'?")]
    [InlineData("version: 1\nseed: 42\ninputs:\n  images: a.png\nlimits:\n  max_pixel: 3\npipeline: []\n", 6, 3, "unknown key 'max_pixel' in limits; did you mean 'max_pixels'?")]
    [InlineData("version: 1\nseed: 42\ninputs:\n  images: a.png\noutput:\n  format: { type: jpeg, qualty: 80 }\npipeline: []\n", 6, 25, "unknown key 'qualty' in output.format; did you mean 'quality'?")]
    public void A_misspelled_key_in_any_section_is_reported_at_the_key(string text, int line, int column, string problem)
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.UnknownKey, line, column);

        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_op_without_parameters_says_which_keys_it_takes()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("HorizontalFlip: { angle: 5 }"), ConfigErrorCode.UnknownKey, 6, 23);

        Assert.Contains("(valid keys: p)", error.Problem, StringComparison.Ordinal);
    }
}
