using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>A glob that would leave the config's folder is AUG2007 at the glob's string, before any build starts.</summary>
public sealed class InputGlobConfigTests
{
    [Theory]
    [InlineData("\"../other/*.png\"", 4, 11)]
    [InlineData("\"/data/*.png\"", 4, 11)]
    [InlineData("[\"images/*.png\", \"images/../../x.png\"]", 4, 28)]
    public void A_glob_outside_the_configs_folder_is_reported_at_the_glob(string images, int line, int column)
    {
        var text = $"version: 1\nseed: 42\ninputs:\n  images: {images}\npipeline: []\n";

        var error = ConfigAssert.FailsAt(ConfigText.Yaml, text, ConfigErrorCode.InvalidValue, line, column);

        Assert.StartsWith("inputs.images: the glob '", error.Problem, StringComparison.Ordinal);
        Assert.Contains("must stay inside the config's folder", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Globs_inside_the_folder_are_kept_as_written()
    {
        var config = AugmentConfigLoader.Parse("version: 1\nseed: 42\ninputs:\n  images: [\"images/**/*.png\", \"extra/a.jpg\"]\npipeline: []\n", ConfigText.Yaml);

        Assert.Equal(["images/**/*.png", "extra/a.jpg"], config.Images);
    }
}
