using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>An invalid template in the config is AUG2007 at the template's string, with what is wrong.</summary>
public sealed class OutputTemplateConfigTests
{
    public static TheoryData<string, string, int, int> MisspelledStem => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            output:
              images: "images/{stme}{ext}"
            pipeline: []
            """,
            6, 11
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "output": { "images": "images/{stme}{ext}" },
              "pipeline": []
            }
            """,
            5, 25
        },
    };

    [Theory]
    [MemberData(nameof(MisspelledStem))]
    public void A_misspelled_placeholder_in_output_images_is_reported_at_the_template(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.InvalidValue, line, column);

        Assert.StartsWith("output.images: unknown placeholder '{stme}'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("did you mean 'stem'?", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_width_on_stem_is_reported_at_the_template()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig("output:\n  images: \"{stem:00}{ext}\"\n"), ConfigErrorCode.InvalidValue, 6, 11);

        Assert.Contains("'{stem:00}'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("only {variant} takes a width", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmatched_brace_in_output_masks_is_reported_at_the_template()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig("output:\n  masks: masks/{stem.png\n"), ConfigErrorCode.InvalidValue, 6, 10);

        Assert.StartsWith("output.masks: ", error.Problem, StringComparison.Ordinal);
        Assert.Contains("unmatched", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_template_in_a_list_of_masks_is_reported_at_that_item()
    {
        var text = "version: 1\nseed: 42\ninputs:\n  images: a.png\n  masks: [\"m/{stem}.png\", \"n/{stme}.png\"]\npipeline: []\n";

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.InvalidValue, 5, 27);

        Assert.StartsWith("inputs.masks: unknown placeholder '{stme}' in 'n/{stme}.png'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_single_mask_template_is_reported_at_the_template()
    {
        var text = "version: 1\nseed: 42\ninputs:\n  images: a.png\n  masks: \"m/{variant:x}.png\"\npipeline: []\n";

        ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.InvalidValue, 5, 10);
    }
}
