using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>A value of the wrong kind (a string for a number, a list for a scalar, ...) is AUG2004 at the value.</summary>
public sealed class WrongTypeErrorTests
{
    public static TheoryData<string, string, int, int> SeedAsString => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: "abc"
            inputs:
              images: "images/*.png"
            pipeline: []
            """,
            2, 7
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": "abc",
              "inputs": { "images": "images/*.png" },
              "pipeline": []
            }
            """,
            3, 11
        },
    };

    public static TheoryData<string, string, int, int> VariantsAsList => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            variants: [1]
            pipeline: []
            """,
            5, 11
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "variants": [1],
              "pipeline": []
            }
            """,
            5, 15
        },
    };

    public static TheoryData<string, string, int, int> QuotedProbability => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - HorizontalFlip: { p: "0.5" }
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
                { "HorizontalFlip": { "p": "0.5" } }
              ]
            }
            """,
            6, 32
        },
    };

    public static TheoryData<string, string, int, int> PipelineAsMapping => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline: {}
            """,
            5, 11
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": {}
            }
            """,
            5, 15
        },
    };

    [Theory]
    [MemberData(nameof(SeedAsString))]
    public void A_string_seed_is_reported_at_the_value(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.WrongType, line, column);

        Assert.Contains("seed must be a whole number", error.Problem, StringComparison.Ordinal);
        Assert.Contains("not the string 'abc'", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(VariantsAsList))]
    public void A_list_for_variants_is_reported_at_the_list(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.WrongType, line, column);

        Assert.Contains("variants must be a whole number, not a list", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QuotedProbability))]
    public void A_quoted_number_is_a_string_not_a_number(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.WrongType, line, column);

        Assert.Contains("HorizontalFlip.p must be a number, not the string '0.5'", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PipelineAsMapping))]
    public void A_pipeline_that_is_not_a_list_is_reported_at_the_value(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.WrongType, line, column);

        Assert.Contains("pipeline must be a list of ops", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed: -1", "not the number -1")]
    [InlineData("seed: 1.5", "not the number 1.5")]
    [InlineData("seed: true", "not the boolean true")]
    public void A_seed_that_is_not_a_whole_number_from_zero_is_rejected(string seedLine, string says)
    {
        var text = $"version: 1\n{seedLine}\ninputs:\n  images: a.png\npipeline: []\n";

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.WrongType, 2, 7);

        Assert.Contains(says, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rotate: { limit: ten }", 6, 22, "Rotate.limit must be a number, not the string 'ten'")]
    [InlineData("Rotate: { limit: [1, 2, 3] }", 6, 22, "Rotate.limit must be a number or a list [low, high], not a list of 3")]
    [InlineData("GaussianBlur: { sigma_limit: 2 }", 6, 34, "GaussianBlur.sigma_limit must be a list [low, high], not the number 2")]
    [InlineData("HorizontalFlip: 0.5", 6, 21, "HorizontalFlip must be a mapping, not the number 0.5")]
    [InlineData("SomeOf: { n: 1, replace: yes, transforms: [HorizontalFlip] }", 6, 30, "SomeOf.replace must be true or false, not the string 'yes'")]
    public void An_op_parameter_of_the_wrong_kind_is_reported_at_the_value(string op, int line, int column, string problem)
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline(op), ConfigErrorCode.WrongType, line, column);

        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void An_inputs_entry_that_is_not_a_mapping_is_reported_at_the_value()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 42\ninputs: images/*.png\npipeline: []\n", ConfigErrorCode.WrongType, 3, 9);

        Assert.Contains("inputs must be a mapping", error.Problem, StringComparison.Ordinal);
    }
}
