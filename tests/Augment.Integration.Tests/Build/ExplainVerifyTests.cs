using System.Text.Json;
using System.Text.Json.Nodes;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// PRODUCT.md sections 7 and 8: `explain FILE` prints one output's record; `verify` re-renders items
/// and catches a single changed byte; the next build notices the edited output and restores it.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class ExplainVerifyTests(SourcePool pool) : IDisposable
{
    private readonly TestDataset _data = new(pool);

    [Fact]
    public void Explain_prints_the_record_of_an_output_image_or_mask()
    {
        _data.BuildOk();
        var image = _data.Output(TestDataset.ImageOf(4, 2));

        var result = _data.Explain(image);

        Assert.True(result.ExitCode == 0, result.ToString());
        var record = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("images/s04_002.png", record["image"]!.GetValue<string>());
        Assert.Equal(["masks/s04_002.png"], record["masks"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("src/s04.png", record["source"]!["image"]!.GetValue<string>());
        Assert.Equal(["srcmasks/s04.png"], record["source"]!["masks"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(TestDataset.Sha256(_data.SourcePath(4)), record["sourceSha256"]!["src/s04.png"]!.GetValue<string>());
        Assert.Equal(TestDataset.Sha256(_data.MaskPath(4)), record["sourceSha256"]!["srcmasks/s04.png"]!.GetValue<string>());
        Assert.Equal(2, record["variant"]!.GetValue<int>());
        Assert.Equal(TestDataset.Sha256(image), record["sha256"]!["images/s04_002.png"]!.GetValue<string>());
        var ops = record["ops"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Equal(["HorizontalFlip", "Affine", "RandomBrightnessContrast"], ops.Select(o => o["op"]!.GetValue<string>()));
        Assert.All(ops, o => Assert.IsType<JsonObject>(o["params"]));
        Assert.All(ops, o => Assert.Contains(o["applied"]!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False }));
        var affine = ops[1];
        Assert.True(affine["applied"]!.GetValue<bool>(), "Affine has p 1.0");
        Assert.InRange(affine["params"]!["rotate"]!.GetValue<double>(), -10, 10);
        Assert.InRange(affine["params"]!["scale"]!.GetValue<double>(), 0.9, 1.1);
        // It is the manifest's record of that item.
        var item = TestDataset.ManifestItems(_data.OutputDir).Single(i => i["image"]!.GetValue<string>() == "images/s04_002.png");
        Assert.True(JsonNode.DeepEquals(item, record), $"explain printed\n{record}\nthe manifest holds\n{item}");

        var byMask = _data.Explain(_data.Output(TestDataset.MaskOf(4, 2)));
        Assert.True(byMask.ExitCode == 0, byMask.ToString());
        Assert.True(JsonNode.DeepEquals(record, JsonNode.Parse(byMask.StandardOutput)), byMask.StandardOutput);

        var byRelativeName = _data.Explain("images/s04_002.png");
        Assert.True(byRelativeName.ExitCode == 0, byRelativeName.ToString());

        var notAnOutput = _data.Explain(_data.SourcePath(4));
        Assert.True(notAnOutput.ExitCode == 1, notAnOutput.ToString());
        Assert.Contains("is not an output of this dataset", notAnOutput.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_catches_one_flipped_byte_naming_the_file_and_the_next_build_restores_it()
    {
        _data.BuildOk();
        var ok = _data.Verify();
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("80 item(s) checked, 0 file(s) differ", ok.StandardOutput, StringComparison.Ordinal);

        var relative = TestDataset.ImageOf(9, 1);
        var path = _data.Output(relative);
        var original = File.ReadAllBytes(path);
        TestDataset.ReplaceFile(path, TestDataset.FlipMiddleByte(original)); // a new file: the cache's object is untouched

        var caught = _data.Verify();
        Assert.True(caught.ExitCode == 1, caught.ToString());
        Assert.Contains($"mismatch: {path}: ", caught.StandardError, StringComparison.Ordinal);
        Assert.Single(caught.StandardError.Split('\n'), l => l.StartsWith("mismatch: ", StringComparison.Ordinal));
        Assert.Contains("80 item(s) checked, 1 file(s) differ", caught.StandardOutput, StringComparison.Ordinal);

        var sampled = _data.Verify("--sample", "5");
        Assert.Contains("5 item(s) checked", sampled.StandardOutput, StringComparison.Ordinal);

        var (plan, _) = _data.Plan();
        Assert.Equal(("restore", "output modified"), Assert.Single(plan, p => p.Key == relative).Value);
        Assert.Single(plan);

        var repaired = _data.BuildOk();
        Assert.Equal((1, 0, 1, 79), (repaired.Built, repaired.Rendered, repaired.Restored, repaired.UpToDate));
        Assert.Equal(original, File.ReadAllBytes(path));
        var clean = _data.Verify();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        TestDataset.AssertConsistent(_data.OutputDir);
    }

    [Fact]
    public void Verify_json_is_one_object_with_the_count_and_each_file_that_differs()
    {
        _data.BuildOk();
        var ok = _data.Verify("--json");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        var clean = JsonNode.Parse(ok.StandardOutput)!.AsObject();
        Assert.Equal((80, 0), (clean["checked"]!.GetValue<int>(), clean["differ"]!.GetValue<int>()));
        Assert.Empty(clean["mismatches"]!.AsArray());

        var path = _data.Output(TestDataset.MaskOf(3, 2));
        TestDataset.ReplaceFile(path, TestDataset.FlipMiddleByte(File.ReadAllBytes(path)));
        var caught = _data.Verify("--json", "--sample", "80");

        Assert.True(caught.ExitCode == 1, caught.ToString());
        Assert.Single(caught.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // one JSON line, nothing else
        Assert.DoesNotContain("mismatch: ", caught.StandardError, StringComparison.Ordinal);
        var report = JsonNode.Parse(caught.StandardOutput)!.AsObject();
        Assert.Equal((80, 1), (report["checked"]!.GetValue<int>(), report["differ"]!.GetValue<int>()));
        var mismatch = Assert.Single(report["mismatches"]!.AsArray())!.AsObject();
        Assert.Equal(path, mismatch["file"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(mismatch["message"]!.GetValue<string>()));
    }

    public void Dispose() => _data.Dispose();
}
