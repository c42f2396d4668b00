using System.Text;
using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>
/// Where a no-op build looks for its stamp before parsing the config: output.dir read from the text.
/// Each reading is checked against the real parser's, which is what the build goes by.
/// </summary>
public sealed class OutputDirHintTests
{
    private const string Pipeline = "pipeline:\n  - HorizontalFlip: { p: 0.5 }\n";

    [Theory]
    [InlineData("version: 1\nseed: 1\ninputs:\n  images: \"a/*.png\"\noutput:\n  dir: build/data\n", "build/data")]
    [InlineData("version: 1\nseed: 1\ninputs:\n  images: \"a/*.png\"\noutput:\n    images: \"i/{stem}{ext}\"\n    dir: 'quoted dir'   # a comment\n", "quoted dir")]
    [InlineData("version: 1\nseed: 1\noutput:\n  # where it goes\n  dir: \"x\"\ninputs:\n  images: \"a/*.png\"\n", "x")]
    [InlineData("version: 1\nseed: 1\ninputs:\n  images: \"a/*.png\"\n# output: not this\noutput:\n  images: \"i/{stem}{ext}\"\n", "out")]
    [InlineData("version: 1\nseed: 1\ninputs:\n  images: \"a/*.png\"\n", "out")]
    public void Block_yaml_is_read_as_the_parser_reads_it(string yaml, string expected)
    {
        Assert.Equal(expected, OutputDirHint.Read(Encoding.UTF8.GetBytes(yaml + Pipeline), json: false));
        Assert.Equal(expected, AugmentConfigLoader.Parse(yaml + Pipeline, "augment.yaml").OutputDir);
    }

    [Theory]
    [InlineData("version: 1\nseed: 1\ninputs:\n  images: \"a/*.png\"\noutput: { dir: flow }\n")]
    [InlineData("version: 1\nseed: 1\ninputs:\n  images: \"a/*.png\"\noutput:\n  dir: \"esc\\\"aped\"\n")]
    [InlineData("version: 1\nseed: 1\ninputs:\n  images: \"a/*.png\"\noutput:\n  dir: &anchor d\n")]
    public void Forms_it_does_not_read_give_no_answer(string yaml) =>
        Assert.Null(OutputDirHint.Read(Encoding.UTF8.GetBytes(yaml + Pipeline), json: false));

    [Theory]
    [InlineData("""{"version": 1, "output": {"images": "i/{stem}{ext}", "dir": "json/out"}, "inputs": {"images": "a/*.png"}, "seed": 1, "pipeline": []}""", "json/out")]
    [InlineData("""{"version": 1, "inputs": {"images": "a/*.png", "dir": "not this"}, "seed": 1, "pipeline": []}""", "out")]
    public void Json_is_read_exactly(string json, string expected) =>
        Assert.Equal(expected, OutputDirHint.Read(Encoding.UTF8.GetBytes(json), json: true));
}
