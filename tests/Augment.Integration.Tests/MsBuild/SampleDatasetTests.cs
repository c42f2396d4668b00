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

        AssertLabelsParseBack(output);

        var second = ProcessRunner.Run("bash", [script], copy.Path);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("augment: augment.yaml, classification.yaml, detection.yaml, voc.yaml, coco.yaml, pose.yaml: up to date, nothing rendered", second.StandardOutput, StringComparison.Ordinal);
    }

    // The label outputs of the detection samples, read with readers of the test's own: YOLO and
    // YOLO-pose lines of numbers in [0, 1], VOC XML with a size and numeric boxes, one COCO file whose
    // images are all there.
    private static void AssertLabelsParseBack(string output)
    {
        foreach (var (dataset, fields) in new[] { ("detection", 5), ("pose", 5 + (3 * 3)) })
        {
            var files = Directory.GetFiles(Path.Combine(output, dataset, "labels"), "*.txt");
            Assert.Equal(dataset == "detection" ? 12 : 8, files.Length);
            foreach (var line in files.SelectMany(File.ReadAllLines).Where(l => l.Length > 0))
            {
                var values = line.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                Assert.True(values.Length == fields && values.Skip(1).All(v => v is >= 0 and <= 2), $"{dataset}: '{line}'");
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(output, "voc", "annotations"), "*.xml"))
        {
            var xml = new System.Xml.XmlDocument();
            xml.Load(file);
            Assert.Equal("320", xml.SelectSingleNode("/annotation/size/width")!.InnerText);
            Assert.All(xml.SelectNodes("/annotation/object/bndbox/*")!.Cast<System.Xml.XmlNode>(),
                n => Assert.InRange(double.Parse(n.InnerText, System.Globalization.CultureInfo.InvariantCulture), 0, 320));
        }

        var coco = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(output, "coco", "annotations", "instances.json")))!;
        Assert.Equal(12, coco["images"]!.AsArray().Count);
        Assert.All(coco["images"]!.AsArray(), i => Assert.True(File.Exists(Path.Combine(output, "coco", i!["file_name"]!.GetValue<string>()))));
        Assert.True(coco["annotations"]!.AsArray().Count > 10);
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
