using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>Output and mask path templates: placeholders, widths, and what is rejected.</summary>
public sealed class PathTemplateTests
{
    private static PathTemplate Valid(string text)
    {
        var template = PathTemplate.Parse(text, out var error);
        Assert.Null(error);
        return template;
    }

    private static string Invalid(string text)
    {
        PathTemplate.Parse(text, out var error);
        Assert.NotNull(error);
        return error;
    }

    [Theory]
    [InlineData("images/{dir}/{stem}_{variant:000}{ext}", "train/cats", "tabby", ".png", 7, "images/train/cats/tabby_007.png")]
    [InlineData("images/{dir}/{stem}_{variant:000}{ext}", "", "tabby", ".png", 7, "images/tabby_007.png")]
    [InlineData("{dir}/{stem}{ext}", "", "tabby", ".jpg", 0, "tabby.jpg")]
    [InlineData("{dir}/{stem}{ext}", "a", "tabby", ".jpg", 0, "a/tabby.jpg")]
    [InlineData("{stem}-{variant}{ext}", "", "x", ".tif", 12, "x-12.tif")]
    [InlineData("{stem}-{variant:0}{ext}", "", "x", ".tif", 12, "x-12.tif")]
    [InlineData("{stem}-{variant:0000}{ext}", "", "x", ".tif", 12, "x-0012.tif")]
    [InlineData("{stem}-{variant:00}{ext}", "", "x", ".tif", 12345, "x-12345.tif")]
    [InlineData("masks/{dir}/{stem}_{variant:000}.png", "", "x", ".jpg", 1, "masks/x_001.png")]
    [InlineData("{stem}.{stem}{ext}", "", "x", ".png", 0, "x.x.png")]
    public void Placeholders_render_with_no_double_or_leading_slash(string text, string dir, string stem, string ext, int variant, string expected)
    {
        Assert.Equal(expected, Valid(text).Render(new TemplateValues(dir, stem, ext, variant)));
    }

    [Fact]
    public void A_template_knows_which_placeholders_it_uses()
    {
        var template = Valid("masks/{stem}_{variant:00}.png");

        Assert.True(template.Uses("stem"));
        Assert.True(template.Uses("variant"));
        Assert.False(template.Uses("dir"));
        Assert.False(template.Uses("ext"));
        Assert.Equal("masks/{stem}_{variant:00}.png", template.Text);
    }

    [Fact]
    public void A_misspelled_placeholder_is_named_with_a_suggestion()
    {
        var error = Invalid("images/{stme}{ext}");

        Assert.Contains("unknown placeholder '{stme}'", error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'stem'?", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{stem:00}")]
    [InlineData("{dir:0}")]
    [InlineData("{variant:0x0}")]
    [InlineData("{variant:###}")]
    public void Only_variant_takes_a_width_and_only_of_zeros(string text)
    {
        Assert.Contains("only {variant} takes a width", Invalid(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images/{stem")]
    [InlineData("images/stem}")]
    [InlineData("images/{stem}}")]
    [InlineData("{{stem}")]
    [InlineData("{")]
    public void Unmatched_braces_are_rejected(string text)
    {
        Assert.Contains("unmatched", Invalid(text), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_placeholder_is_unknown()
    {
        Assert.Contains("unknown placeholder '{}'", Invalid("images/{}{ext}"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_placeholders_is_valid()
    {
        Assert.Equal("fixed/name.png", Valid("fixed/name.png").Render(new TemplateValues("a", "b", ".c", 3)));
    }
}
