using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// PRODUCT.md section 10: a truncated image among good ones: a clear error naming the file (exit 1),
/// every other item built, no partial file under a final name.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class BadInputTests(SourcePool pool) : IDisposable
{
    private readonly TestDataset _data = new(pool);

    [Fact]
    public void A_truncated_png_among_good_sources_fails_naming_the_file_and_every_other_item_is_built()
    {
        var bad = Path.Combine(_data.Root, "src", "bad.png");
        var whole = pool.Image(20);
        File.WriteAllBytes(bad, whole[..(whole.Length / 2)]);
        File.WriteAllBytes(Path.Combine(_data.Root, "srcmasks", "bad.png"), pool.Mask(20));

        var result = _data.Build();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal((80, 80), (result.Built, result.Rendered));
        Assert.True(result.Failed >= 1, result.ToString());
        var error = Assert.Single(result.Errors);
        Assert.Equal(bad, error.File);
        Assert.Contains("truncated", error.Message, StringComparison.OrdinalIgnoreCase);
        var outputs = TestDataset.Snapshot(_data.OutputDir, includeState: true);
        Assert.DoesNotContain(outputs.Keys, k => k.Contains("bad", StringComparison.Ordinal) && !k.StartsWith(".augment/", StringComparison.Ordinal));
        Assert.DoesNotContain(outputs.Keys, k => k.EndsWith(".tmp", StringComparison.Ordinal));
        var items = TestDataset.ManifestItems(_data.OutputDir);
        Assert.Equal(80, items.Count);
        Assert.DoesNotContain(items, i => i["source"]!["image"]!.GetValue<string>() == "src/bad.png");
        TestDataset.AssertConsistent(_data.OutputDir);

        // Without --json: the error on stderr names the file; still exit 1, and nothing to rebuild.
        var text = ProcessRunner.RunTool(["build", _data.ConfigPath]);
        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains($"error: {bad}: ", text.StandardError, StringComparison.Ordinal);
        Assert.Contains("0 built", text.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_truncated_after_a_good_build_loses_its_outputs_and_gets_them_back_from_the_cache_once_repaired()
    {
        _data.BuildOk();
        var before = TestDataset.Snapshot(_data.OutputDir);
        var path = _data.SourcePath(7);
        var whole = File.ReadAllBytes(path);
        TestDataset.ReplaceFile(path, whole[..(whole.Length / 2)]);

        var broken = _data.Build();

        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Equal((0, 76), (broken.Built, broken.UpToDate));
        Assert.Equal(path, Assert.Single(broken.Errors).File);
        var now = TestDataset.Snapshot(_data.OutputDir);
        Assert.DoesNotContain(now.Keys, k => k.Contains("/s07_", StringComparison.Ordinal));
        TestDataset.AssertUnchanged(before, now, f => f.Contains("/s07_", StringComparison.Ordinal) || f == "manifest.json");
        Assert.Equal(76, TestDataset.ManifestItems(_data.OutputDir).Count);
        TestDataset.AssertConsistent(_data.OutputDir);
        var verify = _data.Verify();
        Assert.True(verify.ExitCode == 0, verify.ToString());

        TestDataset.ReplaceFile(path, whole);
        var repaired = _data.BuildOk();
        Assert.Equal((4, 0, 4), (repaired.Built, repaired.Rendered, repaired.Restored));
        var after = TestDataset.Snapshot(_data.OutputDir);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before.Keys, k => Assert.Equal(before[k].Sha256, after[k].Sha256));
    }

    public void Dispose() => _data.Dispose();
}
