using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// docs/labels.md, "Incremental builds", through `dotnet build` of a package-consuming dataset
/// project: label files and the COCO file are inputs of the MSBuild gate and of the stamp, so the
/// second build skips the engine, and an edited label file rebuilds only its image's items.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class LabelsMsBuildTests(PackageFeed feed)
{
    private const string YoloConfig = """
        version: 1
        seed: 11
        inputs:
          images: "images/*.png"
          labels: "labels/{stem}.txt"
        bbox_params: { clip: true }
        variants: 2
        output:
          dir: out
        pipeline:
          - HorizontalFlip: { p: 0.5 }
          - Rotate: { limit: 10, p: 1.0 }
        """;

    [Fact]
    public void An_edited_label_file_is_seen_by_the_gate_and_rebuilds_only_its_images_items()
    {
        using var project = new DatasetProject(feed, YoloConfig);
        Directory.CreateDirectory(project.Combine("labels"));
        File.WriteAllText(project.Combine("labels", "coins.txt"), "0 0.5 0.5 0.4 0.4\n");
        File.WriteAllText(project.Combine("labels", "cell.txt"), "1 0.3 0.3 0.2 0.2\n1 0.7 0.6 0.3 0.3\n");

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(new EngineSummary(Built: 4, Rendered: 4, Restored: 0, UpToDate: 0, Removed: 0, Failed: 0), DatasetProject.Summary(first));
        Assert.Equal(4, project.OutputFiles().Count(f => f.StartsWith("labels", StringComparison.Ordinal)));

        var second = project.Build();
        Assert.Contains("augment: augment.yaml: up to date, nothing rendered", second.StandardOutput, StringComparison.Ordinal);

        File.WriteAllText(project.Combine("labels", "cell.txt"), "1 0.3 0.3 0.2 0.2\n");
        var third = project.Build();
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Equal(new EngineSummary(Built: 2, Rendered: 2, Restored: 0, UpToDate: 2, Removed: 0, Failed: 0), DatasetProject.Summary(third));
        Assert.All(project.OutputFiles().Where(f => f.StartsWith("labels", StringComparison.Ordinal) && f.Contains("cell", StringComparison.Ordinal)),
            f => Assert.Single(File.ReadAllLines(Path.Combine(project.OutputDir, f))));

        var broken = project.Build(); // nothing changed: skipped again
        Assert.Contains("up to date, nothing rendered", broken.StandardOutput, StringComparison.Ordinal);
        File.WriteAllText(project.Combine("labels", "coins.txt"), "0 0.5 0.5 0.4\n");
        var failed = project.Build();
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains($"labels{Path.DirectorySeparatorChar}coins.txt(1): error AUG3004:", failed.StandardOutput, StringComparison.Ordinal);
    }
}
