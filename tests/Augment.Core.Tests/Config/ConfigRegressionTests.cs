using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>
/// Config errors and canonical forms that were once wrong; each comment says what used to happen.
/// </summary>
public sealed class ConfigRegressionTests
{
    // Was: 1:1. YamlDotNet reports "found invalid tab as indentation" at the start of the enclosing
    // mapping; the reader passes that on, so every tab error points at the first line.
    [Fact]
    public void Yaml_tab_indentation_is_reported_on_the_line_of_the_tab()
    {
        ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n\timages: a.png\npipeline: []\n", ConfigErrorCode.Syntax, 4, 1);
    }

    // Was: 7:1, the first line.
    [Fact]
    public void Yaml_tab_indentation_in_the_pipeline_is_reported_on_the_line_of_the_tab()
    {
        ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n  images: a.png\npipeline:\n  - HorizontalFlip:\n\t  p: 0.5\n", ConfigErrorCode.Syntax, 7, 1);
    }

    // Was: 4:12, the list's first item. The message says "an unterminated or malformed [list] or
    // {mapping} starts here", so it should point at the '['.
    [Fact]
    public void Yaml_unterminated_flow_list_is_reported_at_its_opening_bracket()
    {
        const string Text = """
            version: 1
            seed: 42
            inputs:
              images: [a.png, b.png
            pipeline: []
            """;

        ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.Syntax, 4, 11);
    }

    // Was: 5:1, a line past the end of this four-line file.
    [Fact]
    public void Yaml_flow_list_unterminated_at_the_end_of_the_file_is_reported_at_its_opening_bracket()
    {
        ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n  images: [1, 2", ConfigErrorCode.Syntax, 4, 11);
    }

    // Was: 7:1, a line past the end of this six-line file.
    [Fact]
    public void Yaml_flow_mapping_unterminated_at_the_end_of_the_file_is_reported_at_its_opening_brace()
    {
        ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n  images: a.png\npipeline:\n  - Rotate: { limit: 10", ConfigErrorCode.Syntax, 6, 13);
    }

    // Was: accepted, with a pipeline of one HorizontalFlip. JsonTextReader.Read() returns false at
    // the end of the text inside an open array or object, and JsonNodeReader treats that as the end
    // of the container instead of an error.
    [Fact]
    public void Json_array_and_object_left_open_at_the_end_of_the_file_are_syntax_errors()
    {
        const string Text = """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [{ "HorizontalFlip": {} }
            """;

        var error = ConfigAssert.Fails(ConfigText.Json, Text);

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
    }

    // Was: accepted, with an empty pipeline.
    [Fact]
    public void Json_pipeline_left_open_is_a_syntax_error()
    {
        var error = ConfigAssert.Fails(ConfigText.Json, "{\n  \"version\": 1,\n  \"seed\": 42,\n  \"inputs\": { \"images\": \"a.png\" },\n  \"pipeline\": [");

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Equal(5, error.Mark.Line);
    }

    // Was: accepted; only the closing brace of the root object is missing.
    [Fact]
    public void Json_root_object_left_open_is_a_syntax_error()
    {
        var error = ConfigAssert.Fails(ConfigText.Json, "{\n  \"version\": 1,\n  \"seed\": 42,\n  \"inputs\": { \"images\": \"a.png\" },\n  \"pipeline\": []\n");

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
    }

    // Was: AUG2004 "a pipeline entry must be one op ... not the number 1" at 5:16: the open list
    // is read as complete and bound.
    [Fact]
    public void Json_unterminated_list_of_numbers_is_a_syntax_error_not_a_binding_error()
    {
        var error = ConfigAssert.Fails(ConfigText.Json, "{\n  \"version\": 1,\n  \"seed\": 42,\n  \"inputs\": { \"images\": \"a.png\" },\n  \"pipeline\": [1, 2");

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Equal(5, error.Mark.Line);
    }

    // Was: column one less than expected (3:2, 6:1, 7:4, 1:26). For these errors Newtonsoft's
    // LinePosition is the character before the unexpected one; JsonNodeReader uses it as is.
    [Theory]
    [InlineData("{\n  \"version\": 1\n  \"seed\": 42,\n  \"inputs\": { \"images\": \"a.png\" },\n  \"pipeline\": []\n}", 3, 3)]
    [InlineData("{\n  \"version\": 1,\n  \"seed\": 42,\n  \"inputs\": { \"images\": \"a.png\" },\n  \"pipeline\": []\n}}", 6, 2)]
    [InlineData("{\n  \"version\": 1,\n  \"seed\": 42,\n  \"inputs\": { \"images\": \"a.png\" },\n  \"pipeline\": [\n    \"HorizontalFlip\"\n    \"VerticalFlip\"\n  ]\n}", 7, 5)]
    [InlineData("{\"version\": 1, \"seed\": 42 \"inputs\": {}}", 1, 27)]
    public void Json_syntax_errors_point_at_the_unexpected_character(string text, int line, int column)
    {
        ConfigAssert.FailsAt(ConfigText.Json, text, ConfigErrorCode.Syntax, line, column);
    }

    // Was: YAML gives [1E-30,1E-30], JSON [0.0,0.0]. JsonNodeReader reads floats as decimal
    // (FloatParseHandling.Decimal), which has no value below 1e-28, so the two formats disagree and
    // the JSON config silently changes the value.
    [Theory]
    [InlineData("1e-30")]
    [InlineData("5e-324")]
    public void Yaml_and_json_agree_on_very_small_numbers(string value)
    {
        Assert.Equal(
            ConfigText.CanonicalYaml($"Affine: {{ rotate: {value} }}"),
            ConfigText.CanonicalJson($"{{ \"Affine\": {{ \"rotate\": {value} }} }}"));
    }

    // Was: YAML gives [-0.0,-0.0], JSON [0.0,0.0]; and in YAML "rotate: -0" and "rotate: 0" are
    // different canonical pipelines (different cache keys) for the same transform.
    [Fact]
    public void Negative_zero_is_canonically_zero()
    {
        var zero = ConfigText.CanonicalYaml("Affine: { rotate: 0 }");

        Assert.Equal(zero, ConfigText.CanonicalYaml("Affine: { rotate: -0 }"));
        Assert.Equal(zero, ConfigText.CanonicalYaml("Affine: { rotate: -0.0 }"));
        Assert.Equal(zero, ConfigText.CanonicalJson("{ \"Affine\": { \"rotate\": -0.0 } }"));
    }

    // Was: "limit: 0" gives [-0.0,0.0] (the symmetric shorthand computes -|x|) while "limit: [0, 0]"
    // gives [0.0,0.0], and JSON reads -0 as the integer 0: one meaning, three cache keys.
    [Fact]
    public void A_symmetric_limit_of_zero_is_the_same_as_zero_to_zero()
    {
        var pair = ConfigText.CanonicalYaml("Rotate: { limit: [0, 0] }");

        Assert.Equal(pair, ConfigText.CanonicalYaml("Rotate: { limit: 0 }"));
        Assert.Equal(pair, ConfigText.CanonicalJson("{ \"Rotate\": { \"limit\": [-0, 0] } }"));
        Assert.Equal(pair, ConfigText.CanonicalYaml("Rotate: { limit: [-0, 0] }"));
    }

    // Was: AUG2001 at 6:32 (the number's last character) "invalid JSON: Input string '1e30' is not
    // a valid decimal". 1e30 is valid JSON; YAML reports AUG2005 "Affine.rotate gives 1E+30; each end
    // must be between -360 and 360" at the number.
    [Fact]
    public void A_valid_json_number_beyond_decimal_range_is_out_of_range_not_a_syntax_error()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Json, ConfigText.JsonPipeline("{ \"Affine\": { \"rotate\": 1e30 } }"), ConfigErrorCode.OutOfRange, 6, 29);

        Assert.Contains("between -360 and 360", error.Problem, StringComparison.Ordinal);
    }

    // Was: "'images/{Stem}{ext}' has an unmatched '{' or '}'": the placeholder pattern only matches
    // [a-z_], so a capitalised or otherwise unknown name is reported as unbalanced braces, which they are not.
    [Theory]
    [InlineData("images/{Stem}{ext}", "unknown placeholder '{Stem}'")]
    [InlineData("images/{variant-1}{ext}", "unknown placeholder '{variant-1}'")]
    public void A_placeholder_with_other_characters_is_reported_as_unknown_not_as_unmatched_braces(string text, string says)
    {
        PathTemplate.Parse(text, out var error);

        Assert.NotNull(error);
        Assert.Contains(says, error, StringComparison.Ordinal);
        Assert.DoesNotContain("unmatched", error, StringComparison.Ordinal);
    }

    // Was: "inputs.images must be a string, not the string ''", which contradicts itself.
    [Fact]
    public void An_empty_string_is_reported_as_empty()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n  images: \"\"\npipeline: []\n", ConfigErrorCode.InvalidValue, 4, 11);

        Assert.Contains("empty", error.Problem, StringComparison.Ordinal);
    }
}
