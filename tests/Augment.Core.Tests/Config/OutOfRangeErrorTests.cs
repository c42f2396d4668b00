using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>A number of the right kind outside its range is AUG2005 at the number, with the range in the message.</summary>
public sealed class OutOfRangeErrorTests
{
    public static TheoryData<string, string, int, int> ProbabilityAboveOne => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - HorizontalFlip: { p: 1.5 }
            """,
            6, 26
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "HorizontalFlip": { "p": 1.5 } }
              ]
            }
            """,
            6, 32
        },
    };

    public static TheoryData<string, string, int, int> RotateLimitBeyondAFullTurn => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - Rotate: { limit: 400 }
            """,
            6, 22
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "Rotate": { "limit": 400 } }
              ]
            }
            """,
            6, 28
        },
    };

    public static TheoryData<string, string, int, int> RangeEndBeyondAFullTurn => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - Rotate: { limit: [-10, 400] }
            """,
            6, 28
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "Rotate": { "limit": [-10, 400] } }
              ]
            }
            """,
            6, 34
        },
    };

    [Theory]
    [MemberData(nameof(ProbabilityAboveOne))]
    public void A_probability_above_one_is_reported_at_the_value(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.OutOfRange, line, column);

        Assert.Equal("HorizontalFlip.p is 1.5; it must be between 0 and 1", error.Problem);
    }

    [Theory]
    [MemberData(nameof(RotateLimitBeyondAFullTurn))]
    public void A_symmetric_limit_beyond_a_full_turn_is_reported_at_the_value(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.OutOfRange, line, column);

        Assert.Contains("Rotate.limit", error.Problem, StringComparison.Ordinal);
        Assert.Contains("between -360 and 360", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RangeEndBeyondAFullTurn))]
    public void One_end_of_a_range_out_of_bounds_is_reported_at_that_end(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.OutOfRange, line, column);

        Assert.Equal("Rotate.limit[1] is 400; it must be between -360 and 360", error.Problem);
    }

    [Theory]
    [InlineData("variants: 0\n", 5, 11, "variants is 0; it must be between 1 and 100000")]
    [InlineData("variants: 100001\n", 5, 11, "variants is 100001; it must be between 1 and 100000")]
    [InlineData("masks:\n  fill: 65536\n", 6, 9, "masks.fill is 65536; it must be between 0 and 65535")]
    [InlineData("masks:\n  fill: -1\n", 6, 9, "masks.fill is -1; it must be between 0 and 65535")]
    [InlineData("limits:\n  max_pixels: 0\n", 6, 15, "limits.max_pixels is 0; it must be at least 1")]
    [InlineData("output:\n  format: { type: jpeg, quality: 101 }\n", 6, 34, "output.format.quality is 101; it must be between 1 and 100")]
    [InlineData("output:\n  format: { type: png, compression: 10 }\n", 6, 37, "output.format.compression (the PNG zlib level, or imwrite) is 10; it must be between 0 and 9")]
    public void A_schema_number_out_of_range_is_reported_at_the_value(string root, int line, int column, string problem)
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig(root), ConfigErrorCode.OutOfRange, line, column);

        Assert.Equal(problem, error.Problem);
    }

    [Theory]
    [InlineData("RandomBrightnessContrast: { brightness_limit: 1.5 }", 6, 51)]
    [InlineData("Affine: { scale: [0, 2] }", 6, 23)]
    [InlineData("Affine: { shear: 90 }", 6, 22)]
    [InlineData("GaussianBlur: { blur_limit: [3, 256] }", 6, 37)]
    [InlineData("Rotate: { fill_mask: 70000 }", 6, 26)]
    [InlineData("Rotate: { fill: [0, -1] }", 6, 25)]
    [InlineData("SomeOf: { n: 0, transforms: [HorizontalFlip] }", 6, 18)]
    public void An_op_parameter_out_of_range_is_reported_at_the_value(string op, int line, int column)
    {
        ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline(op), ConfigErrorCode.OutOfRange, line, column);
    }

    [Fact]
    public void A_range_written_high_to_low_is_invalid_at_the_range()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("Rotate: { limit: [20, 10] }"), ConfigErrorCode.InvalidValue, 6, 22);

        Assert.Equal("Rotate.limit is [20, 10]; low must not exceed high", error.Problem);
    }
}
