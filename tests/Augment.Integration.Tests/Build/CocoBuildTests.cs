using System.Text.Json.Nodes;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// docs/labels.md, COCO through the CLI: the sample COCO dataset builds one output instances.json
/// that parses back consistent with the manifest; editing one image's annotations rebuilds only that
/// image's items (and so does nothing else's edit), an annotation that names no image is an error
/// while every item still builds, and deleting the output file brings it back.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class CocoBuildTests : IDisposable
{
    private const int Variants = 3;
    private readonly TempFolder _temp = new("augment-coco-");

    public CocoBuildTests()
    {
        Directory.CreateDirectory(_temp.Combine("images"));
        Directory.CreateDirectory(_temp.Combine("coco"));
        foreach (var name in new[] { "chelsea.png", "coffee.png", "horse.png", "rocket.jpg" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "images", name), _temp.Combine("images", name));
            File.SetLastWriteTimeUtc(_temp.Combine("images", name), TestDataset.SourceTime);
        }

        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "coco", "instances.json"), CocoPath);
        File.SetLastWriteTimeUtc(CocoPath, TestDataset.SourceTime);
        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "coco.yaml"), ConfigPath);
    }

    private string ConfigPath => _temp.Combine("coco.yaml");

    private string CocoPath => _temp.Combine("coco", "instances.json");

    private string OutputDir => _temp.Combine("out", "coco");

    private string OutputCoco => Path.Combine(OutputDir, "annotations", "instances.json");

    [Fact]
    public void The_sample_coco_config_writes_one_instances_file_that_agrees_with_the_manifest()
    {
        var summary = Build();
        Assert.True(summary.ExitCode == 0 && summary.Failed == 0, summary.ToString());
        Assert.Equal(12, summary.Rendered);

        var coco = JsonNode.Parse(File.ReadAllText(OutputCoco))!;
        var source = JsonNode.Parse(File.ReadAllText(CocoPath))!;
        Assert.Equal(source["categories"]!.ToJsonString(), coco["categories"]!.ToJsonString());
        Assert.Equal(source["info"]!.ToJsonString(), coco["info"]!.ToJsonString());
        var images = coco["images"]!.AsArray();
        Assert.Equal(12, images.Count);
        Assert.Equal(Enumerable.Range(1, 12), images.Select(i => i!["id"]!.GetValue<int>()));
        Assert.Equal(images.Select(i => i!["file_name"]!.GetValue<string>()).Order(StringComparer.Ordinal), images.Select(i => i!["file_name"]!.GetValue<string>()));

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDir, "manifest.json")))!["items"]!.AsArray().ToDictionary(i => i!["image"]!.GetValue<string>());
        var annotations = coco["annotations"]!.AsArray();
        Assert.Equal(annotations.Count, annotations.Select(a => a!["id"]!.GetValue<int>()).Distinct().Count());
        foreach (var image in images)
        {
            var name = image!["file_name"]!.GetValue<string>();
            Assert.True(File.Exists(Path.Combine(OutputDir, name)), name);
            var item = manifest[name]!;
            Assert.Equal(image["width"]!.GetValue<int>(), item["size"]![0]!.GetValue<int>());
            var mine = annotations.Where(a => a!["image_id"]!.GetValue<int>() == image["id"]!.GetValue<int>()).ToList();
            var kept = item["boxes"]!.AsArray().Where(b => b!["bbox"] is not null).ToList();
            Assert.Equal(kept.Count, mine.Count);
            // The manifest's labels of the item are its annotations, without the ids the file numbers them by.
            var own = item["labels"]!.AsArray();
            Assert.Equal(mine.Select(m => { var copy = m!.DeepClone().AsObject(); copy.Remove("id"); copy.Remove("image_id"); return copy.ToJsonString(); }),
                own.Select(o => o!.ToJsonString()));
            var stem = Path.GetFileName(item["source"]!["image"]!.GetValue<string>());
            Assert.Equal($"coco/instances.json#{stem}", item["source"]!["labels"]!.GetValue<string>());
            Assert.Contains($"coco/instances.json#{stem}", item["sourceSha256"]!.AsObject().Select(p => p.Key));
            for (var i = 0; i < mine.Count; i++)
            {
                var bbox = mine[i]!["bbox"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                var corners = kept[i]!["bbox"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                Assert.Equal(corners[0], bbox[0], 1e-9);
                Assert.Equal(corners[2] - corners[0], bbox[2], 1.5e-3);
                Assert.Equal(bbox[2] * bbox[3], mine[i]!["area"]!.GetValue<double>(), 0.05);
                Assert.Equal(kept[i]!["class"]!.GetValue<string>(), mine[i]!["category_id"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(bbox[0] >= 0 && bbox[1] >= 0 && bbox[0] + bbox[2] <= image["width"]!.GetValue<int>() + 1e-6, string.Join(" ", bbox));
            }

            if (name.Contains("rocket", StringComparison.Ordinal))
            {
                Assert.Empty(mine); // the file gives the rocket no annotations: an image with no objects
            }
        }

        Assert.True(annotations.Count >= 18, $"only {annotations.Count} annotations");
    }

    [Fact]
    public void Editing_one_images_annotations_rebuilds_only_its_items_and_renumbering_rebuilds_nothing()
    {
        Assert.Equal(12, Build().Rendered);

        var coco = JsonNode.Parse(File.ReadAllText(CocoPath))!;
        var horse = coco["images"]!.AsArray().First(i => i!["file_name"]!.GetValue<string>() == "horse.png")!["id"]!.GetValue<int>();
        var annotation = coco["annotations"]!.AsArray().First(a => a!["image_id"]!.GetValue<int>() == horse)!;
        annotation["bbox"]![0] = annotation["bbox"]![0]!.GetValue<double>() + 5;
        File.WriteAllText(CocoPath, coco.ToJsonString());
        var edited = Build();
        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.Equal((Variants, 12 - Variants), (edited.Rendered, edited.UpToDate));

        // New ids for every image and annotation (a re-export) change no item.
        foreach (var image in coco["images"]!.AsArray())
        {
            image!["id"] = image["id"]!.GetValue<int>() + 1000;
        }

        foreach (var a in coco["annotations"]!.AsArray())
        {
            a!["id"] = a["id"]!.GetValue<int>() + 1000;
            a["image_id"] = a["image_id"]!.GetValue<int>() + 1000;
        }

        File.WriteAllText(CocoPath, coco.ToJsonString());
        var renumbered = Build();
        Assert.Equal((0, 12), (renumbered.Rendered, renumbered.UpToDate));

        File.Delete(OutputCoco);
        var restored = Build();
        Assert.Equal((0, 0), (restored.Rendered, restored.Failed));
        Assert.True(File.Exists(OutputCoco));
    }

    [Fact]
    public void An_annotation_that_names_no_image_is_an_error_of_the_file_and_every_item_still_builds()
    {
        var coco = JsonNode.Parse(File.ReadAllText(CocoPath))!;
        coco["annotations"]!.AsArray().Add(JsonNode.Parse("""{ "id": 999, "image_id": 4242, "category_id": 1, "bbox": [1, 1, 5, 5], "iscrowd": 0 }"""));
        File.WriteAllText(CocoPath, coco.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var summary = Build();

        Assert.Equal((1, 12, 0), (summary.ExitCode, summary.Built, summary.Failed));
        var error = Assert.Single(summary.Json["errors"]!.AsArray())!;
        Assert.Equal("AUG3004", error["code"]!.GetValue<string>());
        Assert.Contains("image_id 4242 names no image", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"^annotations\[\d+\]", error["message"]!.GetValue<string>());
        Assert.True(error["line"]!.GetValue<int>() > 1);
        Assert.True(File.Exists(OutputCoco));
    }

    [Fact]
    public void One_and_two_jobs_give_byte_identical_folders_with_the_coco_file_and_manifest()
    {
        var one = TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json", "--jobs", "1", "-o", _temp.Combine("one"), "--cache-dir", _temp.Combine("cache1")]));
        var two = TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json", "--jobs", "2", "-o", _temp.Combine("two"), "--cache-dir", _temp.Combine("cache2")]));
        Assert.True(one.ExitCode == 0 && two.ExitCode == 0, one + "\n" + two);

        var a = TestDataset.Snapshot(_temp.Combine("one"));
        var b = TestDataset.Snapshot(_temp.Combine("two"));
        Assert.Contains("annotations/instances.json", a.Keys);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("manifest.json", a.Keys);
        Assert.All(a.Keys, k => Assert.True(a[k].Sha256 == b[k].Sha256, k));
    }

    [Fact]
    public void Verify_catches_an_edited_coco_file_and_an_incremental_build_writes_what_a_clean_one_does()
    {
        Assert.Equal(12, Build().Rendered);
        Assert.Equal(0, ProcessRunner.RunTool(["verify", ConfigPath]).ExitCode);

        // Another image's entry and the file's info change: nothing renders, and the manifest and the
        // output COCO file are what a clean build into another folder gives.
        var coco = JsonNode.Parse(File.ReadAllText(CocoPath))!;
        coco["info"]!["version"] = "2.0";
        coco["images"]!.AsArray().Insert(0, JsonNode.Parse("""{ "id": 77, "file_name": "elsewhere.jpg", "width": 10, "height": 10 }"""));
        File.WriteAllText(CocoPath, coco.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.Equal(0, Build().Rendered);
        var clean = TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json", "-o", _temp.Combine("clean"), "--cache-dir", _temp.Combine("clean-cache")]));
        Assert.Equal(12, clean.Rendered);
        foreach (var file in new[] { "manifest.json", Path.Combine("annotations", "instances.json") })
        {
            Assert.Equal(File.ReadAllText(_temp.Combine("clean", file)), File.ReadAllText(Path.Combine(OutputDir, file)));
        }

        var written = JsonNode.Parse(File.ReadAllText(OutputCoco))!;
        written["annotations"]![0]!["bbox"]![0] = 1;
        File.WriteAllText(OutputCoco, written.ToJsonString());
        var verify = ProcessRunner.RunTool(["verify", ConfigPath]);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("instances.json: differs from its re-render", verify.StandardError + verify.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coco_file_that_breaks_takes_the_output_coco_file_with_its_items()
    {
        Assert.Equal(12, Build().Rendered);
        File.WriteAllText(CocoPath, "{ \"images\": [ }");

        var broken = Build();

        Assert.Equal((1, 12), (broken.ExitCode, broken.Failed));
        Assert.False(File.Exists(OutputCoco));
    }

    public void Dispose() => _temp.Dispose();

    private BuildSummary Build() => TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json"]));
}
