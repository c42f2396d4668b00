using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>YAML that does not parse is AUG2001 at the place the parser stopped, with YamlDotNet's reason.</summary>
public sealed class YamlSyntaxErrorTests
{
    [Fact]
    public void A_key_indented_less_than_its_sibling_is_reported_on_its_line()
    {
        const string Text = """
            version: 1
            seed: 42
            inputs:
                images: "images/*.png"
              masks: "masks/{stem}.png"
            pipeline: []
            """;

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.Syntax, 5, 3);

        Assert.Equal("invalid YAML: while parsing a block mapping, did not find expected key", error.Problem);
    }

    [Fact]
    public void A_root_key_indented_by_one_space_is_reported_on_its_line()
    {
        const string Text = """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
             pipeline: []
            """;

        ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.Syntax, 5, 2);
    }

    [Fact]
    public void A_key_indented_more_than_its_sibling_is_reported_at_its_colon()
    {
        // "a.png masks" reads as one plain scalar continued on the next line, which then meets ':'.
        const string Text = """
            version: 1
            seed: 42
            inputs:
              images: a.png
               masks: b.png
            pipeline: []
            """;

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.Syntax, 5, 9);

        Assert.StartsWith("invalid YAML: ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_double_quote_is_reported_where_the_string_starts()
    {
        const string Text = """
            version: 1
            seed: "abc
            inputs:
              images: "images/*.png"
            pipeline: []
            """;

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.Syntax, 2, 7);

        Assert.Contains("double-quoted scalar", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_single_quote_is_reported_where_the_string_starts()
    {
        const string Text = """
            version: 1
            seed: 42
            inputs:
              images: 'images/*.png
            pipeline: []
            """;

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.Syntax, 4, 11);

        Assert.Contains("quoted scalar", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_indentation_is_a_syntax_error_that_names_the_tab()
    {
        // ConfigRegressionTests checks that the position is the tab's line.
        var error = ConfigAssert.Fails(ConfigText.Yaml, "version: 1\nseed: 42\ninputs:\n\timages: a.png\npipeline: []\n");

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Contains("tab", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_flow_list_is_reported_on_its_line()
    {
        // ConfigRegressionTests checks that the column is the '['.
        const string Text = """
            version: 1
            seed: 42
            inputs:
              images: [a.png, b.png
            pipeline: []
            """;

        var error = ConfigAssert.Fails(ConfigText.Yaml, Text);

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Equal(4, error.Mark.Line);
        Assert.Contains("unterminated", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_list_closed_by_a_brace_is_reported_at_the_brace()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlPipeline("Rotate: { limit: [10, 20 }"), ConfigErrorCode.Syntax, 6, 30);

        Assert.Equal("invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'", error.Problem);
    }

    [Fact]
    public void A_second_document_is_rejected_where_it_starts()
    {
        var text = ConfigText.YamlPipeline() + "---\nversion: 1\n";

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.Syntax, 6, 1);

        Assert.Contains("one YAML document", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_is_rejected_at_the_alias()
    {
        const string Text = """
            version: 1
            seed: &s 42
            inputs:
              images: "images/*.png"
            variants: *s
            pipeline: []
            """;

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, Text, ConfigErrorCode.Syntax, 5, 11);

        Assert.Contains("aliases", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_give_the_same_positions()
    {
        var text = ConfigText.YamlPipeline("HorizontalFlip", "Rotat: {}").Replace("\n", "\r\n", StringComparison.Ordinal);

        ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.UnknownOp, 7, 5);
    }
}
