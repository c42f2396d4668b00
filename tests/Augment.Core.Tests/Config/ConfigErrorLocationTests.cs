using System.Text;
using Augment.Core.Config;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Config;

/// <summary>Every error names the file it was given, as "path:line:column: problem".</summary>
public sealed class ConfigErrorLocationTests
{
    [Theory]
    [InlineData("augment.yaml")]
    [InlineData("/data/project/augment.yaml")]
    [InlineData("configs/nested dir/pets.yml")]
    public void A_yaml_error_names_the_path_given_to_parse(string path)
    {
        var error = ConfigAssert.Fails(path, ConfigText.YamlPipeline("Rotat"));

        Assert.Equal(path, error.FilePath);
        Assert.Equal($"{path}:6:5: {error.Problem}", error.Message);
    }

    [Theory]
    [InlineData("augment.json")]
    [InlineData("/data/project/augment.json")]
    [InlineData("configs/pets.JSON")]
    public void A_json_error_names_the_path_given_to_parse(string path)
    {
        var error = ConfigAssert.Fails(path, ConfigText.JsonPipeline("\"Rotat\""));

        Assert.Equal(path, error.FilePath);
        Assert.Equal($"{path}:6:5: {error.Problem}", error.Message);
    }

    [Fact]
    public void Json_text_in_a_file_not_named_json_is_read_as_yaml()
    {
        // JSON is a subset of YAML's flow style, so it parses; the positions are YAML's.
        var config = ConfigText.Parse("augment.yaml", ConfigText.JsonPipeline("{ \"Rotate\": { \"limit\": 15 } }"));

        Assert.Equal(ConfigText.CanonicalYaml("Rotate: { limit: 15 }"), config.CanonicalPipeline);
    }

    [Fact]
    public void A_yaml_text_in_a_json_file_is_a_json_syntax_error()
    {
        var error = ConfigAssert.Fails("augment.json", ConfigText.YamlPipeline());

        Assert.Equal(ConfigErrorCode.Syntax, error.Code);
        Assert.Equal(1, error.Mark.Line);
        Assert.StartsWith("augment.json:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_the_file_and_names_it_in_errors()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("augment.yaml", Encoding.UTF8.GetBytes(ConfigText.YamlPipeline("Rotat")));

        var error = Assert.Throws<ConfigException>(() => AugmentConfigLoader.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.StartsWith($"{path}:6:5: unknown op 'Rotat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_picks_json_by_the_extension_and_keeps_the_path()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("augment.json", Encoding.UTF8.GetBytes(ConfigText.JsonPipeline("{ \"HorizontalFlip\": { \"p\": 1 } }")));

        var config = AugmentConfigLoader.Load(path);

        Assert.Equal(path, config.FilePath);
        Assert.Equal(folder.Path, config.Directory);
        Assert.Equal("""[{"op":"HorizontalFlip","params":{"p":1.0}}]""", config.CanonicalPipeline);
    }

    [Fact]
    public void Load_of_a_missing_file_is_an_unreadable_error_at_its_start()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "absent.yaml");

        var error = Assert.Throws<ConfigException>(() => AugmentConfigLoader.Load(path));

        Assert.Equal(ConfigErrorCode.Unreadable, error.Code);
        Assert.Equal(new SourceMark(1, 1), error.Mark);
        Assert.StartsWith($"{path}:1:1: cannot read the config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_does_not_move_positions()
    {
        using var folder = new TempDirectory();
        var text = ConfigText.YamlPipeline("Rotat");
        var path = folder.Write("augment.yaml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var error = Assert.Throws<ConfigException>(() => AugmentConfigLoader.Load(path));

        Assert.Equal(new SourceMark(6, 5), error.Mark);
    }
}
