using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>
/// A required key that is absent is AUG2006 at the start of the mapping that lacks it (the file's
/// first line for a root key).
/// </summary>
public sealed class MissingKeyErrorTests
{
    public static TheoryData<string, string, int, int> NoSeed => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            inputs:
              images: "images/*.png"
            pipeline: []
            """,
            1, 1
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "inputs": { "images": "images/*.png" },
              "pipeline": []
            }
            """,
            1, 1
        },
    };

    public static TheoryData<string, string, int, int> NoInputImages => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              masks: "masks/{stem}.png"
            pipeline: []
            """,
            4, 3
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "masks": "masks/{stem}.png" },
              "pipeline": []
            }
            """,
            4, 13
        },
    };

    [Theory]
    [MemberData(nameof(NoSeed))]
    public void A_config_without_a_seed_is_rejected(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.MissingKey, line, column);

        Assert.Equal("the config needs the key 'seed'", error.Problem);
    }

    [Theory]
    [MemberData(nameof(NoInputImages))]
    public void Inputs_without_images_is_reported_at_the_inputs_mapping(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.MissingKey, line, column);

        Assert.Equal("inputs needs the key 'images'", error.Problem);
    }

    [Theory]
    [InlineData("seed: 42\ninputs:\n  images: a.png\npipeline: []\n", "version")]
    [InlineData("version: 1\nseed: 42\npipeline: []\n", "inputs")]
    [InlineData("version: 1\nseed: 42\ninputs:\n  images: a.png\n", "pipeline")]
    public void Every_required_root_key_is_named_when_it_is_missing(string text, string key)
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.MissingKey, 1, 1);

        Assert.Equal($"the config needs the key '{key}'", error.Problem);
    }

    [Fact]
    public void A_format_mapping_without_a_type_is_reported_at_the_mapping()
    {
        var text = ConfigText.YamlConfig("output:\n  format: { quality: 80 }\n");

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.MissingKey, 6, 11);

        Assert.Equal("output.format needs the key 'type'", error.Problem);
    }

    [Fact]
    public void A_comment_before_the_first_key_moves_the_root_position_to_the_first_key()
    {
        var text = "# augment.yaml\n\nversion: 1\ninputs:\n  images: a.png\npipeline: []\n";

        ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.MissingKey, 3, 1);
    }
}
