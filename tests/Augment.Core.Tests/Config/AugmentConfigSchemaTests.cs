using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>The schema outside the pipeline: defaults, the forms each key takes, the version, an empty file.</summary>
public sealed class AugmentConfigSchemaTests
{
    [Theory]
    [InlineData(ConfigText.Yaml)]
    [InlineData(ConfigText.Json)]
    public void A_minimal_config_gets_every_default(string path)
    {
        var text = path == ConfigText.Yaml ? ConfigText.YamlPipeline() : ConfigText.JsonPipeline();

        var config = ConfigText.Parse(path, text);

        Assert.Equal(path, config.FilePath);
        Assert.Equal(1, config.Version);
        Assert.Equal(42UL, config.Seed);
        Assert.Equal(["images/*.png"], config.Images);
        Assert.Empty(config.Masks);
        Assert.Equal(1, config.Variants);
        Assert.Equal("out", config.OutputDir);
        Assert.Equal("images/{dir}/{stem}_{variant:000}{ext}", config.OutputImages.Text);
        Assert.Equal("masks/{dir}/{stem}_{variant:000}.png", config.OutputMasks.Text);
        Assert.Equal(OutputFormat.Same, config.OutputFormat);
        Assert.Equal("same", config.OutputFormat.Type);
        Assert.Equal(0, config.MaskFill);
        Assert.Equal(100_000_000, config.Limits.MaxPixels);
        Assert.Empty(config.Pipeline);
        Assert.Equal("[]", config.CanonicalPipeline);
    }

    [Fact]
    public void Every_root_key_given_in_yaml_is_read()
    {
        const string Text = """
            version: 1
            seed: 18446744073709551615
            inputs:
              images: ["a/**/*.png", "b/*.jpg"]
              masks: ["masks/{stem}.png", "edges/{dir}/{stem}_edge.png"]
            variants: 8
            output:
              dir: build/augmented
              images: "{dir}/{stem}-{variant}{ext}"
              masks: "{dir}/{stem}-{variant}_mask.png"
              format: png
            masks:
              fill: 255
            limits:
              max_pixels: 5000
            pipeline:
              - HorizontalFlip
            """;

        var config = ConfigText.Parse(ConfigText.Yaml, Text);

        Assert.Equal(ulong.MaxValue, config.Seed);
        Assert.Equal(["a/**/*.png", "b/*.jpg"], config.Images);
        Assert.Equal(["masks/{stem}.png", "edges/{dir}/{stem}_edge.png"], config.Masks.Select(m => m.Text));
        Assert.Equal(8, config.Variants);
        Assert.Equal("build/augmented", config.OutputDir);
        Assert.Equal("{dir}/{stem}-{variant}{ext}", config.OutputImages.Text);
        Assert.Equal("{dir}/{stem}-{variant}_mask.png", config.OutputMasks.Text);
        Assert.Equal("png", config.OutputFormat.Type);
        Assert.Equal(255, config.MaskFill);
        Assert.Equal(5000, config.Limits.MaxPixels);
        Assert.Single(config.Pipeline);
    }

    [Fact]
    public void Every_root_key_given_in_json_is_read()
    {
        const string Text = """
            {
              "version": 1,
              "seed": 18446744073709551615,
              "inputs": { "images": ["a/**/*.png", "b/*.jpg"], "masks": "masks/{stem}.png" },
              "variants": 8,
              "output": { "dir": "build/augmented", "images": "{dir}/{stem}-{variant}{ext}", "format": "tiff" },
              "masks": { "fill": 255 },
              "limits": { "max_pixels": 5000 },
              "pipeline": ["HorizontalFlip"]
            }
            """;

        var config = ConfigText.Parse(ConfigText.Json, Text);

        Assert.Equal(ulong.MaxValue, config.Seed);
        Assert.Equal(["a/**/*.png", "b/*.jpg"], config.Images);
        Assert.Equal(["masks/{stem}.png"], config.Masks.Select(m => m.Text));
        Assert.Equal(8, config.Variants);
        Assert.Equal("build/augmented", config.OutputDir);
        Assert.Equal("tiff", config.OutputFormat.Type);
        Assert.Equal(255, config.MaskFill);
        Assert.Equal(5000, config.Limits.MaxPixels);
        Assert.Single(config.Pipeline);
    }

    [Fact]
    public void Input_images_may_be_one_glob()
    {
        var config = ConfigText.Parse(ConfigText.Yaml, "version: 1\nseed: 1\ninputs:\n  images: images/**/*.png\npipeline: []\n");

        Assert.Equal(["images/**/*.png"], config.Images);
    }

    [Fact]
    public void Input_images_may_be_a_list_of_globs_in_block_style()
    {
        var config = ConfigText.Parse(ConfigText.Yaml, "version: 1\nseed: 1\ninputs:\n  images:\n    - a/*.png\n    - b/*.png\npipeline: []\n");

        Assert.Equal(["a/*.png", "b/*.png"], config.Images);
    }

    [Fact]
    public void Input_masks_may_be_one_template()
    {
        var config = ConfigText.Parse(ConfigText.Yaml, ConfigText.YamlConfig(string.Empty).Replace("inputs:\n", "inputs:\n  masks: masks/{stem}.png\n", StringComparison.Ordinal));

        var mask = Assert.Single(config.Masks);
        Assert.Equal("masks/{stem}.png", mask.Text);
        Assert.Equal("masks/cat.png", mask.Render(new TemplateValues(string.Empty, "cat", ".jpg", 0)));
    }

    [Fact]
    public void An_empty_list_of_images_is_invalid_at_the_list()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 1\ninputs:\n  images: []\npipeline: []\n", ConfigErrorCode.InvalidValue, 4, 11);

        Assert.Equal("inputs.images must not be an empty list", error.Problem);
    }

    [Fact]
    public void A_non_string_in_the_list_of_images_is_reported_at_that_item()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, "version: 1\nseed: 1\ninputs:\n  images: [a.png, [b.png]]\npipeline: []\n", ConfigErrorCode.WrongType, 4, 19);

        Assert.StartsWith("inputs.images[1] must be a string", error.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, int> VersionTwo => new()
    {
        { ConfigText.Yaml, "version: 2\nseed: 1\ninputs:\n  images: a.png\npipeline: []\n", 1, 10 },
        { ConfigText.Json, "{\n  \"version\": 2,\n  \"seed\": 1,\n  \"inputs\": { \"images\": \"a.png\" },\n  \"pipeline\": []\n}", 2, 14 },
    };

    [Theory]
    [MemberData(nameof(VersionTwo))]
    public void Version_2_is_rejected_at_the_version_number(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.OutOfRange, line, column);

        Assert.Equal("version is 2; this Augment.Build reads version 1", error.Problem);
    }

    [Fact]
    public void A_version_that_is_not_a_whole_number_is_the_wrong_type()
    {
        ConfigAssert.FailsAt(ConfigText.Yaml, "version: \"1\"\nseed: 1\ninputs:\n  images: a.png\npipeline: []\n", ConfigErrorCode.WrongType, 1, 10);
    }

    [Theory]
    [InlineData(ConfigText.Yaml, "")]
    [InlineData(ConfigText.Yaml, "\n\n")]
    [InlineData(ConfigText.Yaml, "# nothing here yet\n")]
    [InlineData(ConfigText.Json, "")]
    [InlineData(ConfigText.Json, "  \n")]
    [InlineData(ConfigText.Json, "// nothing here yet\n")]
    public void An_empty_file_is_rejected_at_its_start(string path, string text)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.MissingKey, 1, 1);

        Assert.Contains("the config is empty", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfigText.Yaml, "- HorizontalFlip\n", "a list of 1")]
    [InlineData(ConfigText.Yaml, "just text\n", "the string 'just text'")]
    [InlineData(ConfigText.Json, "[1, 2]", "a list of 2")]
    [InlineData(ConfigText.Json, "42", "the number 42")]
    public void A_document_that_is_not_a_mapping_is_rejected_at_its_start(string path, string text, string describes)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.WrongType, 1, 1);

        Assert.Equal($"the config must be a mapping, not {describes}", error.Problem);
    }

    [Fact]
    public void An_explicit_null_takes_the_default()
    {
        var config = ConfigText.Parse(ConfigText.Yaml, ConfigText.YamlConfig("variants: ~\noutput:\nmasks:\n  fill: null\n"));

        Assert.Equal(1, config.Variants);
        Assert.Equal("out", config.OutputDir);
        Assert.Equal(0, config.MaskFill);
    }

    [Fact]
    public void The_config_directory_is_the_folder_of_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "project", "augment.yaml");

        var config = ConfigText.Parse(path, ConfigText.YamlPipeline());

        Assert.Equal(Path.Combine(Path.GetTempPath(), "project"), config.Directory);
    }
}
