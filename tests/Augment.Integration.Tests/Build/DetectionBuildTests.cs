using System.Globalization;
using System.Text.Json.Nodes;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// docs/labels.md through the CLI: the sample detection dataset (three photographs with hand-drawn
/// YOLO boxes) builds end to end, its output label files parse back with a reader of the test's own,
/// a flip moves every box to the mirrored place, an edited label file rebuilds only its image's
/// items, and a broken one fails only its image, with file and line.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class DetectionBuildTests : IDisposable
{
    private const int Variants = 4;
    private static readonly string[] Stems = ["chelsea", "coffee", "horse"];
    private readonly TempFolder _temp = new("augment-detection-");

    public DetectionBuildTests()
    {
        foreach (var folder in new[] { "images", "labels" })
        {
            Directory.CreateDirectory(_temp.Combine(folder));
        }

        foreach (var stem in Stems)
        {
            File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "images", stem + ".png"), _temp.Combine("images", stem + ".png"));
            File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "labels", stem + ".txt"), _temp.Combine("labels", stem + ".txt"));
            foreach (var file in new[] { _temp.Combine("images", stem + ".png"), _temp.Combine("labels", stem + ".txt") })
            {
                File.SetLastWriteTimeUtc(file, TestDataset.SourceTime);
            }
        }

        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "detection.yaml"), ConfigPath);
    }

    private string ConfigPath => _temp.Combine("detection.yaml");

    private string OutputDir => _temp.Combine("out", "detection");

    [Fact]
    public void The_sample_detection_config_builds_every_item_with_a_label_file_that_parses_back()
    {
        var summary = Build();
        Assert.True(summary.ExitCode == 0 && summary.Failed == 0, summary.ToString());
        Assert.Equal((12, 12), (summary.Built, summary.Rendered));
        Assert.Equal(6, summary.SourcesHashed); // three images and their three label files

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDir, "manifest.json")))!;
        var items = manifest["items"]!.AsArray();
        Assert.Equal(12, items.Count);
        foreach (var item in items)
        {
            var labels = item!["labels"]!.GetValue<string>();
            var source = item["source"]!["labels"]!.GetValue<string>();
            Assert.Matches(@"^labels/(chelsea|coffee|horse)_00[0-3]\.txt$", labels);
            Assert.Contains(source, item["sourceSha256"]!.AsObject().Select(p => p.Key));
            var sourceBoxes = ReadYolo(_temp.Combine(source));
            var written = ReadYolo(Path.Combine(OutputDir, labels));
            var fates = item["boxes"]!.AsArray();
            Assert.Equal(sourceBoxes.Count, fates.Count);
            var kept = fates.Where(f => f!["bbox"] is not null).ToList();
            Assert.Equal(kept.Count, written.Count);
            Assert.All(fates.Where(f => f!["bbox"] is null), f => Assert.Contains(f!["dropped"]!.GetValue<string>(), new[] { "out_of_frame", "min_area", "min_visibility" }));

            // The label file and the manifest say the same, and every kept box is inside the image.
            var (width, height) = ImageSize(Path.Combine(OutputDir, item["image"]!.GetValue<string>()));
            for (var i = 0; i < kept.Count; i++)
            {
                var bbox = kept[i]!["bbox"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                var (c, cx, cy, w, h) = written[i];
                Assert.Equal(kept[i]!["class"]!.GetValue<string>(), c.ToString(CultureInfo.InvariantCulture));
                Assert.InRange(bbox[0], 0, width);
                Assert.InRange(bbox[2], bbox[0], width);
                Assert.InRange(bbox[3], bbox[1], height);
                Assert.Equal((bbox[0] + bbox[2]) / 2 / width, cx, 3e-3);
                Assert.Equal((bbox[1] + bbox[3]) / 2 / height, cy, 3e-3);
                Assert.Equal((bbox[2] - bbox[0]) / width, w, 3e-3);
                Assert.Equal((bbox[3] - bbox[1]) / height, h, 3e-3);
            }
        }

        // Every source box is kept in at least one variant: the filters do not drop everything.
        Assert.True(items.Sum(i => i!["boxes"]!.AsArray().Count(f => f!["bbox"] is not null)) > 20);
    }

    [Fact]
    public void A_horizontal_flip_mirrors_every_box_and_keeps_its_class()
    {
        WriteConfig("  - HorizontalFlip: { p: 1.0 }");
        var summary = Build();
        Assert.True(summary.ExitCode == 0 && summary.Failed == 0, summary.ToString());
        foreach (var stem in Stems)
        {
            var source = ReadYolo(_temp.Combine("labels", stem + ".txt"));
            var flipped = ReadYolo(Path.Combine(OutputDir, "labels", $"{stem}_000.txt"));
            Assert.Equal(source.Count, flipped.Count);
            for (var i = 0; i < source.Count; i++)
            {
                Assert.Equal(source[i].Class, flipped[i].Class);
                Assert.Equal(1 - source[i].Cx, flipped[i].Cx, 1.5e-6);
                Assert.Equal(source[i].Cy, flipped[i].Cy, 1.5e-6);
                Assert.Equal(source[i].W, flipped[i].W, 1.5e-6);
                Assert.Equal(source[i].H, flipped[i].H, 1.5e-6);
            }
        }
    }

    [Fact]
    public void Editing_one_label_file_rebuilds_only_that_images_items()
    {
        Assert.Equal(12, Build().Rendered);
        var before = TestDataset.Snapshot(OutputDir);

        var path = _temp.Combine("labels", "coffee.txt");
        File.WriteAllText(path, File.ReadAllText(path).Replace("0 0.485000", "0 0.480000", StringComparison.Ordinal));
        var after = Build();

        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal((Variants, 12 - Variants, 1), (after.Rendered, after.UpToDate, after.SourcesHashed));
        var changed = TestDataset.Differences(before, TestDataset.Snapshot(OutputDir)).Where(f => f != "manifest.json").Order(StringComparer.Ordinal).ToList();
        Assert.All(changed, f => Assert.Contains("coffee_", f, StringComparison.Ordinal));
        Assert.Contains(changed, f => f.StartsWith("labels/coffee_", StringComparison.Ordinal));

        var again = Build();
        Assert.Equal((0, 12), (again.Rendered, again.UpToDate));
    }

    [Fact]
    public void A_broken_label_file_fails_only_its_image_with_the_file_and_line()
    {
        File.AppendAllText(_temp.Combine("labels", "horse.txt"), "1 0.5 0.5 0.2\n");
        var summary = Build();

        Assert.Equal(1, summary.ExitCode);
        Assert.Equal((8, Variants), (summary.Built, summary.Failed));
        var error = Assert.Single(summary.Json["errors"]!.AsArray().Select(e => e!.AsObject()).DistinctBy(e => e["file"]!.GetValue<string>()));
        Assert.Equal("AUG3004", error["code"]!.GetValue<string>());
        Assert.EndsWith(Path.Combine("labels", "horse.txt"), error["file"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, error["line"]!.GetValue<int>());
        Assert.Contains("5 fields", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var plain = ProcessRunner.RunTool(["build", ConfigPath]); // without --json, errors go to stderr with file:line
        Assert.Contains($"labels{Path.DirectorySeparatorChar}horse.txt:3: a YOLO line is", plain.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(OutputDir, "labels", "horse_000.txt")));
        Assert.True(File.Exists(Path.Combine(OutputDir, "labels", "coffee_000.txt")));
    }

    [Fact]
    public void A_missing_label_file_is_an_error_unless_missing_labels_says_empty()
    {
        File.Delete(_temp.Combine("labels", "chelsea.txt"));
        var strict = Build();
        Assert.Equal((1, Variants), (strict.ExitCode, strict.Failed));
        Assert.Contains(strict.Errors, e => e.File.EndsWith("chelsea.txt", StringComparison.Ordinal) && e.Message.Contains("label file of images/chelsea.png is missing", StringComparison.Ordinal));

        File.WriteAllText(ConfigPath, File.ReadAllText(ConfigPath).Replace("  labels: \"labels/{stem}.txt\"\n", "  labels: \"labels/{stem}.txt\"\n  missing_labels: empty\n", StringComparison.Ordinal));
        var lenient = Build();
        Assert.True(lenient.ExitCode == 0 && lenient.Failed == 0, lenient.ToString());
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(OutputDir, "labels", "chelsea_000.txt")));

        // The label file appearing later rebuilds that image's items, and only those.
        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "labels", "chelsea.txt"), _temp.Combine("labels", "chelsea.txt"));
        var appeared = Build();
        Assert.Equal((Variants, 12 - Variants), (appeared.Rendered, appeared.UpToDate));
        Assert.True(Enumerable.Range(0, Variants).Sum(v => ReadYolo(Path.Combine(OutputDir, "labels", $"chelsea_{v:000}.txt")).Count) > 0);
    }

    [Fact]
    public void Explain_on_an_output_label_file_prints_its_item_with_every_boxs_fate()
    {
        WriteConfig("  - Affine: { translate_percent: [0.45, 0.45], p: 1.0 }"); // pushes the right-hand boxes out of the frame
        Assert.Equal(0, Build().ExitCode);

        var explained = ProcessRunner.RunTool(["explain", Path.Combine(OutputDir, "labels", "chelsea_000.txt"), "-c", ConfigPath]);

        Assert.True(explained.ExitCode == 0, explained.ToString());
        var item = JsonNode.Parse(explained.StandardOutput)!;
        Assert.Equal("images/chelsea_000.png", item["image"]!.GetValue<string>());
        var boxes = item["boxes"]!.AsArray();
        Assert.Equal([1, 2, 3], boxes.Select(b => b!["line"]!.GetValue<int>()));
        Assert.Contains(boxes, b => b!["dropped"]?.GetValue<string>() is "out_of_frame" or "min_visibility");
        Assert.Contains(boxes, b => b!["bbox"] is not null);
        Assert.Equal(boxes.Count(b => b!["bbox"] is not null), ReadYolo(Path.Combine(OutputDir, "labels", "chelsea_000.txt")).Count);
    }

    [Fact]
    public void Preview_of_a_broken_label_file_is_an_error_at_its_line_not_a_crash()
    {
        File.AppendAllText(_temp.Combine("labels", "chelsea.txt"), "x 0.5 0.5 0.2 0.2\n");

        var preview = ProcessRunner.RunTool(["preview", ConfigPath, "--out", _temp.Combine("sheet.png")]);

        Assert.Equal(1, preview.ExitCode);
        Assert.Contains($"labels{Path.DirectorySeparatorChar}chelsea.txt:4: the class id 'x' is not a non-negative integer", preview.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", preview.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("sheet.png")));
    }

    [Fact]
    public void Progress_counts_the_items_that_failed_in_planning_among_the_items_to_finish()
    {
        File.Delete(_temp.Combine("labels", "chelsea.txt"));

        var build = ProcessRunner.RunTool(["build", ConfigPath]);

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("8 to render, 0 to restore from the cache, 0 up to date, 4 failed already", build.StandardError, StringComparison.Ordinal);
        Assert.Contains("12/12 items", build.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("13/12", build.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private BuildSummary Build() => TestDataset.ParseSummary(ProcessRunner.RunTool(["build", ConfigPath, "--json"]));

    private void WriteConfig(string pipeline) => File.WriteAllText(ConfigPath, $$"""
        version: 1
        seed: 3
        inputs:
          images: "images/*.png"
          labels: "labels/{stem}.txt"
        bbox_params: { clip: true }
        output:
          dir: out/detection
        pipeline:
        {{pipeline}}
        """ + "\n");

    // The test's own YOLO reader: five fields per line, nothing shared with the tool's.
    private static List<(int Class, double Cx, double Cy, double W, double H)> ReadYolo(string path) =>
        File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(line =>
        {
            var f = line.Split(' ');
            Assert.Equal(5, f.Length);
            var v = f.Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.All(v, x => Assert.InRange(x, 0, 1));
            return (int.Parse(f[0], CultureInfo.InvariantCulture), v[0], v[1], v[2], v[3]);
        }).ToList();

    // Width and height from a JPEG's SOF0/SOF2 marker or a PNG's IHDR.
    private static (int Width, int Height) ImageSize(string path)
    {
        var b = File.ReadAllBytes(path);
        if (b[0] == 0x89)
        {
            return ((b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23]);
        }

        for (var i = 2; i + 9 < b.Length;)
        {
            var marker = b[i + 1];
            var length = (b[i + 2] << 8) | b[i + 3];
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
            }

            i += 2 + length;
        }

        throw new InvalidDataException($"no image size in {path}");
    }
}
