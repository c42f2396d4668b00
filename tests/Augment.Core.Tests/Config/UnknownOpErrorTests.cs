using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>An op name the catalogue does not know is AUG2003 at the name, with the closest name offered.</summary>
public sealed class UnknownOpErrorTests
{
    public static TheoryData<string, string, int, int> MisspelledRotate => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - HorizontalFlip: { p: 0.5 }
              - Rotat: { limit: 10 }
            """,
            7, 5
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "HorizontalFlip": { "p": 0.5 } },
                { "Rotat": { "limit": 10 } }
              ]
            }
            """,
            7, 7
        },
    };

    [Theory]
    [MemberData(nameof(MisspelledRotate))]
    public void A_misspelled_op_is_reported_at_its_name_with_the_right_spelling(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.UnknownOp, line, column);

        Assert.Contains("unknown op 'Rotat'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Rotate'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n  images: a.png\npipeline:\n  - Rotat\n", 6, 5)]
    [InlineData(ConfigText.Json, "{\"version\": 1, \"seed\": 42, \"inputs\": {\"images\": \"a.png\"}, \"pipeline\": [\"Rotat\"]}", 1, 72)]
    public void An_op_written_without_parameters_is_reported_at_its_name(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.UnknownOp, line, column);

        Assert.Contains("did you mean 'Rotate'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Op_names_are_case_sensitive_but_the_suggestion_finds_the_right_case()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("rotate: { limit: 10 }"), ConfigErrorCode.UnknownOp, 6, 5);

        Assert.Contains("did you mean 'Rotate'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_like_no_op_gets_no_suggestion_but_says_where_the_ops_are_listed()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("Frobnicate: {}"), ConfigErrorCode.UnknownOp, 6, 5);

        Assert.DoesNotContain("did you mean", error.Problem, StringComparison.Ordinal);
        Assert.Contains("dotnet augment ops", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n  images: a.png\npipeline:\n  - { HorizontalFlip: {}, VerticalFlip: {} }\n", 6, 5)]
    [InlineData(ConfigText.Json, "{\"version\": 1, \"seed\": 42, \"inputs\": {\"images\": \"a.png\"}, \"pipeline\": [{\"HorizontalFlip\": {}, \"VerticalFlip\": {}}]}", 1, 72)]
    public void An_entry_naming_two_ops_is_rejected_at_the_entry(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.WrongType, line, column);

        Assert.Contains("must be one op", error.Problem, StringComparison.Ordinal);
    }
}
