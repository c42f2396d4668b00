using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>Issue 5, acceptance 5: the packed dotnet-augment tool installs from the feed and runs.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class ToolInstallTests(PackageFeed feed)
{
    [Fact]
    public void The_tool_installs_from_the_feed_and_builds_with_its_own_opencv_library()
    {
        using var temp = new TempFolder("augment-tool-");
        feed.WriteNugetConfig(temp.Path);
        var tools = temp.Combine("tools");

        var install = ProcessRunner.Run("dotnet",
            ["tool", "install", "--tool-path", tools, "--add-source", feed.Folder, "--version", feed.Version, "dotnet-augment"], temp.Path);
        Assert.True(install.ExitCode == 0, install.ToString());

        var tool = Path.Combine(tools, "dotnet-augment");
        var version = ProcessRunner.Run(tool, ["--version"], temp.Path);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Contains(feed.Version, version.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("OpenCV 4.", version.StandardOutput, StringComparison.Ordinal);

        Directory.CreateDirectory(temp.Combine("images"));
        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "images", "coins.png"), temp.Combine("images", "coins.png"));
        File.WriteAllText(temp.Combine("augment.yaml"), """
            version: 1
            seed: 3
            inputs:
              images: "images/*.png"
            variants: 2
            output:
              dir: out
            pipeline:
              - Rotate: { limit: 20, p: 1.0 }
            """);
        var build = ProcessRunner.Run(tool, ["build", temp.Combine("augment.yaml")], temp.Path);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(2, Directory.GetFiles(temp.Combine("out", "images")).Length);
    }
}
