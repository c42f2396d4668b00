using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.MsBuild;

/// <summary>
/// Issue 5, acceptance 6: on a clean copy of the repository (the files git tracks or would track,
/// so no artifacts and no dataset), the README's main command builds sample-dataset/ with
/// `dotnet build`, and the outputs and manifests are there; a second run renders nothing.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class SampleDatasetTests
{
    [Fact]
    public void The_main_command_builds_the_sample_dataset_project_on_a_clean_copy()
    {
        using var copy = new TempFolder("augment-clone-");
        CopyRepository(copy.Path);
        var script = Path.Combine(copy.Path, "build", "sample.sh");

        var first = ProcessRunner.Run("bash", [script], copy.Path);

        Assert.True(first.ExitCode == 0, first.ToString());
        var output = Path.Combine(copy.Path, "sample-dataset", "out");
        Assert.Contains($"The sample dataset is in {output}", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("segmentation: 8 images, 8 masks, manifest segmentation/manifest.json", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("classification: 21 images, 0 masks, manifest classification/manifest.json", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("detection: 12 images, 0 masks, 12 label files, manifest detection/manifest.json", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("voc: 8 images, 0 masks, 8 label files, manifest voc/manifest.json", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("coco: 12 images, 0 masks, 1 label file, manifest coco/manifest.json", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "coco", "annotations", "instances.json")));
        Assert.Contains("pose: 8 images, 0 masks, 8 label files, manifest pose/manifest.json", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "segmentation", "manifest.json")));
        Assert.True(File.Exists(Path.Combine(output, "classification", "manifest.json")));
        Assert.Equal(8, Directory.GetFiles(Path.Combine(output, "segmentation", "masks"), "*.png", SearchOption.AllDirectories).Length);

        var second = ProcessRunner.Run("bash", [script], copy.Path);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("augment: augment.yaml, classification.yaml, detection.yaml, voc.yaml, coco.yaml, pose.yaml: up to date, nothing rendered", second.StandardOutput, StringComparison.Ordinal);
    }

    private static void CopyRepository(string destination)
    {
        var files = ProcessRunner.Run("git", ["-C", RepoPaths.Root, "ls-files", "--cached", "--others", "--exclude-standard"]);
        Assert.True(files.ExitCode == 0, files.ToString());
        foreach (var relative in files.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(RepoPaths.Root, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }
}
