using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Cli;

/// <summary>
/// Every command rejects an option it does not have by its name, with exit 2, before it reads or
/// writes anything: `verify --json` once read "--json" as the config's path, and `init --foo` wrote a
/// starter config named "--foo".
/// </summary>
public sealed class UnknownOptionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("build", "--bogus")]
    [InlineData("plan", "--jsn")]
    [InlineData("verify", "--jsno")]
    [InlineData("explain", "--nope")]
    [InlineData("clean", "-x")]
    [InlineData("preview", "--sheet")]
    [InlineData("inspect", "--deep")]
    [InlineData("init", "--force-it")]
    [InlineData("ops", "--wat")]
    public void An_unknown_option_is_an_error_naming_it_with_exit_2_and_nothing_written(string command, string option)
    {
        var result = ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, command, option], _temp.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        var errors = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read the config", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void An_unknown_option_after_the_config_is_named_too_and_a_file_named_with_a_dash_is_reachable_as_a_path()
    {
        var after = ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, "verify", "augment.yaml", "--jsno"], _temp.Path);
        Assert.True(after.ExitCode == 2, after.ToString());
        Assert.Contains("--jsno", after.StandardError, StringComparison.Ordinal);

        File.WriteAllText(_temp.Combine("-odd.yaml"), "version: 1\nseed: 1\ninputs:\n  images: \"images/*.png\"\noutput:\n  dir: out\npipeline:\n  - HorizontalFlip: { p: 1 }\n");
        var plan = ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, "plan", "./-odd.yaml"], _temp.Path);
        Assert.DoesNotContain("unknown option", plan.StandardError, StringComparison.Ordinal);
        Assert.Contains("0 to render", plan.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
