using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// docs/labels.md, Pascal VOC through the CLI: the sample VOC dataset (two photographs with
/// hand-drawn boxes) builds, each output annotation names its image and size and parses back with
/// the test's own XML reader, and a file whose size disagrees with its image fails only that image.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class VocBuildTests : IDisposable
{
    private readonly TempFolder _temp = new("augment-voc-");

    public VocBuildTests()
    {
        foreach (var (folder, name) in new[] { ("images", "astronaut.png"), ("images", "rocket.jpg"), ("annotations", "astronaut.xml"), ("annotations", "rocket.xml") })
        {
            Directory.CreateDirectory(_temp.Combine(folder));
            File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", folder, name), _temp.Combine(folder, name));
        }

        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "voc.yaml"), ConfigPath);
    }

    private string ConfigPath => _temp.Combine("voc.yaml");

    private string OutputDir => _temp.Combine("out", "voc");

    [Fact]
    public void The_sample_voc_config_writes_an_annotation_per_image_that_parses_back()
    {
        var summary = TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json"]));
        Assert.True(summary.ExitCode == 0 && summary.Failed == 0, summary.ToString());
        Assert.Equal(8, summary.Rendered);

        var items = JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDir, "manifest.json")))!["items"]!.AsArray();
        Assert.Equal(8, items.Count);
        var keptInAll = 0;
        foreach (var item in items)
        {
            var image = item!["image"]!.GetValue<string>();
            var labels = item["labels"]!.GetValue<string>();
            Assert.Equal(Path.ChangeExtension(image.Replace("images/", "annotations/", StringComparison.Ordinal), ".xml"), labels);
            var xml = new XmlDocument();
            xml.Load(Path.Combine(OutputDir, labels));
            var root = xml.DocumentElement!;
            Assert.Equal(Path.GetFileName(image), root["filename"]!.InnerText);
            Assert.Equal(("320", "320", "3"), (root["size"]!["width"]!.InnerText, root["size"]!["height"]!.InnerText, root["size"]!["depth"]!.InnerText));
            var objects = root.SelectNodes("object")!.Cast<XmlElement>().ToList();
            var kept = item["boxes"]!.AsArray().Where(b => b!["bbox"] is not null).ToList();
            Assert.Equal(kept.Count, objects.Count);
            for (var i = 0; i < objects.Count; i++)
            {
                Assert.Equal(kept[i]!["class"]!.GetValue<string>(), objects[i]["name"]!.InnerText);
                Assert.Equal("Unspecified", objects[i]["pose"]!.InnerText);
                var box = new[] { "xmin", "ymin", "xmax", "ymax" }.Select(c => double.Parse(objects[i]["bndbox"]![c]!.InnerText, CultureInfo.InvariantCulture)).ToArray();
                var expected = kept[i]!["bbox"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                Assert.All(box.Zip(expected), p => Assert.Equal(p.Second, p.First, 0.006));
                Assert.True(box[0] >= 0 && box[1] >= 0 && box[2] <= 320 && box[3] <= 320 && box[2] > box[0] && box[3] > box[1], string.Join(" ", box));
            }

            keptInAll += objects.Count;
        }

        Assert.True(keptInAll >= 16, $"only {keptInAll} boxes kept in 8 items");
    }

    [Fact]
    public void An_annotation_whose_size_disagrees_with_its_image_fails_that_image_at_the_size_line()
    {
        var path = _temp.Combine("annotations", "rocket.xml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("<width>640</width>", "<width>600</width>", StringComparison.Ordinal));

        var summary = TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json"]));

        Assert.Equal((1, 4, 4), (summary.ExitCode, summary.Built, summary.Failed));
        var error = summary.Json["errors"]!.AsArray().Select(e => e!.AsObject()).First();
        Assert.Equal(("AUG3004", 4), (error["code"]!.GetValue<string>(), error["line"]!.GetValue<int>()));
        Assert.Contains("the file says the image is 600x427, but it is 640x427", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Renamed_outputs_get_annotations_that_name_them_and_verify_catches_an_edited_one()
    {
        Assert.Equal(0, TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json"])).ExitCode);
        File.WriteAllText(ConfigPath, File.ReadAllText(ConfigPath)
            .Replace("images/{stem}_{variant:000}.jpg", "pics/{stem}-v{variant}.jpg", StringComparison.Ordinal)
            .Replace("annotations/{stem}_{variant:000}.xml", "voc/{stem}-v{variant}.xml", StringComparison.Ordinal));

        var renamed = TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json"]));

        Assert.True(renamed.ExitCode == 0, renamed.ToString());
        var xml = new XmlDocument();
        xml.Load(Path.Combine(OutputDir, "voc", "astronaut-v0.xml"));
        Assert.Equal("astronaut-v0.jpg", xml.DocumentElement!["filename"]!.InnerText);
        Assert.Equal(0, ProcessRunner.RunTool(["verify", ConfigPath]).ExitCode);

        var edited = Path.Combine(OutputDir, "voc", "rocket-v1.xml");
        var text = File.ReadAllText(edited);
        File.Delete(edited); // a new file, not an edit through the cache's hard link
        File.WriteAllText(edited, text.Replace("<difficult>0</difficult>", "<difficult>1</difficult>", StringComparison.Ordinal));
        var verify = ProcessRunner.RunTool(["verify", ConfigPath]);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("rocket-v1.xml: differs from its re-render", verify.StandardError + verify.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
