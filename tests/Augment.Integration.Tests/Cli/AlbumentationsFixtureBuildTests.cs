using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Augment.Core.Tests.Albumentations;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Cli;

/// <summary>
/// Every saved pipeline of the import tests (2.x and 1.4.x; compact and indented JSON, and YAML)
/// goes through the real tool as a user's file would: `import albumentations`, then `build` of the
/// config it wrote over the sample images, with the labels the import points at where it has
/// bbox_params. The values each op takes from the file are checked in the Core import tests.
/// </summary>
public sealed class AlbumentationsFixtureBuildTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public static TheoryData<string> Fixtures() => [.. SavedPipelines.All.Keys];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_saved_pipeline_imports_and_builds_a_dataset(string name)
    {
        var folder = _temp.Combine(Path.GetFileNameWithoutExtension(name));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), SavedPipelines.All[name]);
        CopySampleImages(folder);

        var imported = Tool(folder, "import", "albumentations", name);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        var config = File.ReadAllText(Path.Combine(folder, "augment.yaml"));
        var images = WriteLabels(folder, config);

        var built = Tool(folder, "build", "augment.yaml", "--json");
        Assert.True(built.ExitCode == 0, $"{built}\n{config}");
        Assert.Equal(images, JsonNode.Parse(built.StandardOutput)!["rendered"]!.GetValue<int>());

        // Each item's manifest record names only the config's ops, in the config's positions.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "manifest.json")))!;
        var items = manifest["items"]!.AsArray();
        Assert.Equal(images, items.Count);
        var ops = items.SelectMany(i => i!["ops"]!.AsArray()).Select(o => o!["op"]!.GetValue<string>()).Distinct();
        Assert.All(ops, op => Assert.Contains($"- {op}:", config, StringComparison.Ordinal));
        Assert.Equal(images, Directory.GetFiles(Path.Combine(folder, "out", "images")).Length);
    }

    public void Dispose() => _temp.Dispose();

    private static ProcessResult Tool(string folder, params string[] arguments) =>
        ProcessRunner.Run("dotnet", ["exec", RepoPaths.CliAssembly, .. arguments], folder);

    private static void CopySampleImages(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        foreach (var image in Directory.GetFiles(Path.Combine(RepoPaths.Root, "sample-dataset", "images")))
        {
            File.Copy(image, Path.Combine(folder, "images", Path.GetFileName(image)));
        }
    }

    // The labels the imported config reads, for the images that keep them; returns how many images the build has.
    private static int WriteLabels(string folder, string config)
    {
        var images = Directory.GetFiles(Path.Combine(folder, "images"));
        var labels = Path.Combine(folder, "labels");
        if (config.Contains("labels: \"labels/{stem}.xml\"", StringComparison.Ordinal))
        {
            // Pascal VOC: the two sample images that have annotations, and only they.
            Directory.CreateDirectory(labels);
            foreach (var image in images)
            {
                var voc = Path.Combine(RepoPaths.Root, "sample-dataset", "annotations", Path.GetFileNameWithoutExtension(image) + ".xml");
                if (File.Exists(voc))
                {
                    File.Copy(voc, Path.Combine(labels, Path.GetFileName(voc)));
                }
                else
                {
                    File.Delete(image);
                }
            }

            return Directory.GetFiles(Path.Combine(folder, "images")).Length;
        }

        if (config.Contains("labels: \"labels/{stem}.txt\"", StringComparison.Ordinal))
        {
            // YOLO: one object per image, with the 17 keypoints the import's kpt_shape names when it has keypoints.
            Directory.CreateDirectory(labels);
            var keypoints = config.Contains("keypoint_params:", StringComparison.Ordinal);
            foreach (var image in images)
            {
                var line = new StringBuilder("0 0.5 0.5 0.4 0.5");
                for (var k = 0; keypoints && k < 17; k++)
                {
                    line.Append(CultureInfo.InvariantCulture, $" {0.35 + (0.3 * (k % 5) / 4):0.####} {0.3 + (0.4 * (k / 5) / 3):0.####} 2");
                }

                File.WriteAllText(Path.Combine(labels, Path.GetFileNameWithoutExtension(image) + ".txt"), line + "\n");
            }
        }

        return images.Length;
    }
}
