using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>JSON that does not parse is AUG2001 on the line Newtonsoft.Json stopped at.</summary>
public sealed class JsonSyntaxErrorTests
{
    [Fact]
    public void A_missing_comma_between_members_is_reported_on_the_next_members_line()
    {
        // ConfigRegressionTests checks the exact column.
        const string Text = """
            {
              "version": 1
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": []
            }
            """;

        var error = ConfigAssert.Fails(ConfigText.Json, Text);

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Equal(3, error.Mark.Line);
        Assert.StartsWith("invalid JSON: ", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Path '", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_the_document_is_reported_where_it_starts()
    {
        var text = ConfigText.JsonPipeline() + "\nxyz";

        var error = ConfigAssert.FailsAt(ConfigText.Json, text, ConfigErrorCode.Syntax, 7, 1);

        Assert.Contains("Additional text", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_document_is_reported_on_its_line()
    {
        var text = ConfigText.JsonPipeline() + "\n\n[]";

        ConfigAssert.FailsAt(ConfigText.Json, text, ConfigErrorCode.Syntax, 8, 1);
    }

    [Fact]
    public void A_list_closed_by_a_brace_is_reported_at_the_brace()
    {
        const string Text = """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "HorizontalFlip": {} }
            }
            """;

        ConfigAssert.FailsAt(ConfigText.Json, Text, ConfigErrorCode.Syntax, 7, 1);
    }

    [Fact]
    public void A_list_closed_by_a_brace_on_the_same_line_is_reported_at_the_brace()
    {
        const string Text = """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [1, 2 }
            }
            """;

        ConfigAssert.FailsAt(ConfigText.Json, Text, ConfigErrorCode.Syntax, 5, 21);
    }

    [Fact]
    public void An_unterminated_string_is_a_syntax_error()
    {
        const string Text = """
            {
              "version": 1,
              "seed": "abc
            }
            """;

        var error = ConfigAssert.Fails(ConfigText.Json, Text);

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Contains("Unterminated string", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"version\": 1, \"seed\": 42, \"inputs\": {\"images\": \"a.png\"}, \"pipeline\": [{\"Affine\": {\"rotate\": +5}}]}")]
    [InlineData("{\"version\": 1, \"seed\": 42, \"inputs\": {\"images\": \"a.png\"}, \"pipeline\": [{\"Affine\": {\"rotate\": .5}}]}")]
    public void Numbers_that_json_does_not_allow_are_syntax_errors_on_their_line(string text)
    {
        var error = ConfigAssert.Fails(ConfigText.Json, text);

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Equal(1, error.Mark.Line);
    }

    [Fact]
    public void Comments_and_windows_line_endings_keep_positions_exact()
    {
        const string Text = """
            {
              // the schema version
              "version": 1, /* the master seed */ "seed": 42,
              "inputs": { "images": "images/\"quoted\"/*.png" },
              "pipeline": [{ "Rotate": { "limt": 1 } }]
            }
            """;

        var error = ConfigAssert.FailsAt(ConfigText.Json, Text.Replace("\n", "\r\n", StringComparison.Ordinal), ConfigErrorCode.UnknownKey, 5, 30);

        Assert.Contains("'limt'", error.Problem, StringComparison.Ordinal);
    }
}
