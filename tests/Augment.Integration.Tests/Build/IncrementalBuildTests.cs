namespace Augment.Integration.Tests.Build;

/// <summary>
/// PRODUCT.md section 6: a build renders only what changed, restores from the cache what it holds,
/// removes outputs whose inputs went away, and touches nothing else. 20 sources, 4 variants: 80 items.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class IncrementalBuildTests(SourcePool pool) : IDisposable
{
    private readonly TestDataset _data = new(pool);

    [Fact]
    public void A_second_build_with_nothing_changed_builds_nothing_rewrites_no_output_and_reads_no_source()
    {
        var first = _data.BuildOk();
        Assert.Equal((80, 80, 0, 0), (first.Built, first.Rendered, first.Restored, first.UpToDate));
        Assert.Equal(40, first.SourcesHashed); // 20 images and their 20 masks
        var before = TestDataset.Snapshot(_data.OutputDir);
        Assert.Equal(160, before.Keys.Count(k => k.StartsWith("images/", StringComparison.Ordinal) || k.StartsWith("masks/", StringComparison.Ordinal)));

        var second = _data.BuildOk();

        Assert.Equal((0, 0, 0, 80, 0), (second.Built, second.Rendered, second.Restored, second.UpToDate, second.Removed));
        Assert.Equal(0, second.SourcesHashed);
        var changed = TestDataset.Differences(before, TestDataset.Snapshot(_data.OutputDir)).Where(f => f != "manifest.json").ToList();
        Assert.True(changed.Count == 0, $"a no-op build rewrote: {string.Join(", ", changed)}");
    }

    [Fact]
    public void A_no_op_build_trusts_the_stat_record_so_a_same_size_same_mtime_edit_goes_unseen()
    {
        // The proof that a no-op build reads no source: change a source's bytes in place, keeping
        // its size, inode and (old) modification time, which the stat record keys on. A build that
        // read the source would see the new bytes (and render, or fail on the broken PNG); one that
        // trusts the record, as PRODUCT.md section 6 says it does, builds nothing.
        _data.BuildOk();
        var before = TestDataset.Snapshot(_data.OutputDir);
        var path = _data.SourcePath(5);
        var original = File.ReadAllBytes(path);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = original.Length / 2;
            stream.WriteByte((byte)(original[original.Length / 2] ^ 0xFF));
        }

        File.SetLastWriteTimeUtc(path, TestDataset.SourceTime);
        Assert.Equal(original.Length, new FileInfo(path).Length);
        Assert.Equal(TestDataset.SourceTime, File.GetLastWriteTimeUtc(path));
        Assert.NotEqual(original, File.ReadAllBytes(path));

        var unseen = _data.BuildOk();
        Assert.Equal((0, 80, 0), (unseen.Built, unseen.UpToDate, unseen.SourcesHashed));
        TestDataset.AssertUnchanged(before, TestDataset.Snapshot(_data.OutputDir));

        // The control: a new modification time makes the same edit seen (the file is hashed and
        // its items rendered, or failed as a broken PNG), so the check above could have failed.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-5));
        var seen = _data.Build();
        Assert.True(seen.SourcesHashed == 1 && seen.UpToDate == 76 && seen.Built + seen.Failed > 0, seen.ToString());
    }

    [Fact]
    public void Fresh_modification_times_with_the_same_content_rehash_but_rebuild_nothing()
    {
        // A CI checkout: every source gets a new mtime; the build must hash, never guess, and find
        // nothing to do. The build after it trusts the new record again.
        _data.BuildOk();
        var before = TestDataset.Snapshot(_data.OutputDir);
        var now = DateTime.UtcNow.AddSeconds(-2);
        foreach (var file in Directory.EnumerateFiles(_data.Root, "*.png", SearchOption.AllDirectories).Where(f => !f.StartsWith(_data.OutputDir, StringComparison.Ordinal)))
        {
            File.SetLastWriteTimeUtc(file, now);
        }

        var rehashed = _data.BuildOk();
        Assert.Equal((0, 80, 40), (rehashed.Built, rehashed.UpToDate, rehashed.SourcesHashed));
        TestDataset.AssertUnchanged(before, TestDataset.Snapshot(_data.OutputDir));

        var trusted = _data.BuildOk();
        Assert.Equal((0, 80, 0), (trusted.Built, trusted.UpToDate, trusted.SourcesHashed));
    }

    [Fact]
    public void Changing_one_of_20_sources_rebuilds_exactly_its_variants()
    {
        _data.BuildOk();
        var before = TestDataset.Snapshot(_data.OutputDir);

        _data.WriteSource(3, pool.Image(20)); // other content, a new file
        File.SetLastWriteTimeUtc(_data.SourcePath(3), DateTime.UtcNow.AddSeconds(-2));
        var after = _data.BuildOk();

        Assert.Equal((4, 4, 0, 76, 0), (after.Built, after.Rendered, after.Restored, after.UpToDate, after.Removed));
        Assert.Equal(1, after.SourcesHashed);
        var now = TestDataset.Snapshot(_data.OutputDir);
        var changed = TestDataset.Differences(before, now).Where(f => f != "manifest.json").ToList();
        var ofSource3 = changed.Where(f => f.Contains("/s03_", StringComparison.Ordinal)).ToList();
        Assert.True(changed.Count == ofSource3.Count, $"files of other sources changed: {string.Join(", ", changed.Except(ofSource3))}");
        for (var v = 0; v < 4; v++)
        {
            Assert.NotEqual(before[TestDataset.ImageOf(3, v)].Sha256, now[TestDataset.ImageOf(3, v)].Sha256);
        }

        var items = TestDataset.ManifestItems(_data.OutputDir).Where(i => i["source"]!["image"]!.GetValue<string>() == "src/s03.png").ToList();
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Equal(TestDataset.Sha256(_data.SourcePath(3)), i["sourceSha256"]!["src/s03.png"]!.GetValue<string>()));
        TestDataset.AssertConsistent(_data.OutputDir);

        // 76 items' text was copied from the previous manifest, 4 were written from their records: the
        // same bytes as a manifest written from every item's record.
        var incremental = File.ReadAllBytes(Path.Combine(_data.OutputDir, "manifest.json"));
        Assert.Equal(80, _data.BuildOk("--force").Rendered);
        Assert.Equal(incremental, File.ReadAllBytes(Path.Combine(_data.OutputDir, "manifest.json")));
    }

    [Fact]
    public void Changing_one_ops_parameters_rebuilds_every_item_and_restoring_the_config_restores_from_the_cache()
    {
        _data.BuildOk();
        var original = TestDataset.Snapshot(_data.OutputDir);

        _data.WriteConfig(pipeline: TestDataset.DefaultPipeline.Replace("rotate: [-10, 10]", "rotate: [-12, 12]", StringComparison.Ordinal));
        var changed = _data.BuildOk();
        Assert.Equal((80, 80, 0, 0, 0), (changed.Built, changed.Rendered, changed.Restored, changed.UpToDate, changed.Removed));
        var rotated = TestDataset.Snapshot(_data.OutputDir);
        Assert.True(
            original.Keys.Count(k => k.StartsWith("images/", StringComparison.Ordinal) && original[k].Sha256 != rotated[k].Sha256) >= 70,
            "a wider rotation range left most images as they were");
        Assert.All(TestDataset.ManifestItems(_data.OutputDir), i =>
        {
            var rotate = i["ops"]!.AsArray().Single(o => o!["op"]!.GetValue<string>() == "Affine")!["params"]!["rotate"]!.GetValue<double>();
            Assert.InRange(rotate, -12, 12);
        });

        _data.WriteConfig();
        var restored = _data.BuildOk();
        Assert.Equal((80, 0, 80, 0), (restored.Built, restored.Rendered, restored.Restored, restored.UpToDate));
        var back = TestDataset.Snapshot(_data.OutputDir);
        Assert.All(original.Keys.Where(k => k != "manifest.json"), k => Assert.Equal(original[k].Sha256, back[k].Sha256));
        Assert.Equal(original["manifest.json"].Sha256, back["manifest.json"].Sha256);
        TestDataset.AssertConsistent(_data.OutputDir);
    }

    [Fact]
    public void Raising_variants_from_4_to_6_builds_only_the_new_variants_and_lowering_them_removes_them()
    {
        _data.BuildOk();
        var four = TestDataset.Snapshot(_data.OutputDir);

        _data.WriteConfig(variants: 6);
        var six = _data.BuildOk();
        Assert.Equal((40, 40, 0, 80, 0), (six.Built, six.Rendered, six.Restored, six.UpToDate, six.Removed));
        var after = TestDataset.Snapshot(_data.OutputDir);
        var changed = TestDataset.Differences(four, after).Where(f => f != "manifest.json").ToList();
        Assert.Equal(80, changed.Count);
        Assert.All(changed, f => Assert.Matches(@"_00[45]\.png$", f));
        Assert.All(changed, f => Assert.False(four.ContainsKey(f), $"{f} existed before"));
        Assert.Equal(120, TestDataset.ManifestItems(_data.OutputDir).Count);

        _data.WriteConfig(variants: 4);
        var back = _data.BuildOk();
        Assert.Equal((0, 80, 80), (back.Built, back.UpToDate, back.Removed)); // 40 images and 40 masks
        TestDataset.AssertUnchanged(four, TestDataset.Snapshot(_data.OutputDir), f => f == "manifest.json"); // rewritten twice on the way
        Assert.Equal(80, TestDataset.ManifestItems(_data.OutputDir).Count);
        TestDataset.AssertConsistent(_data.OutputDir);
    }

    [Fact]
    public void Deleting_a_source_removes_its_outputs_and_its_manifest_items()
    {
        _data.BuildOk();
        var before = TestDataset.Snapshot(_data.OutputDir);

        File.Delete(_data.SourcePath(7));
        File.Delete(_data.MaskPath(7));
        var after = _data.BuildOk();

        Assert.Equal((0, 76, 8), (after.Built, after.UpToDate, after.Removed));
        var now = TestDataset.Snapshot(_data.OutputDir);
        Assert.DoesNotContain(now.Keys, k => k.Contains("/s07_", StringComparison.Ordinal));
        Assert.Equal(8, before.Keys.Count(k => k.Contains("/s07_", StringComparison.Ordinal)));
        TestDataset.AssertUnchanged(before, now, f => f.Contains("/s07_", StringComparison.Ordinal) || f == "manifest.json");
        var items = TestDataset.ManifestItems(_data.OutputDir);
        Assert.Equal(76, items.Count);
        Assert.DoesNotContain(items, i => i["source"]!["image"]!.GetValue<string>() == "src/s07.png");
        TestDataset.AssertConsistent(_data.OutputDir);
    }

    [Fact]
    public void Renaming_the_outputs_moves_them_from_the_cache_without_rendering()
    {
        _data.BuildOk();
        var before = TestDataset.Snapshot(_data.OutputDir);
        File.WriteAllText(_data.ConfigPath, File.ReadAllText(_data.ConfigPath)
            .Replace("images/{stem}_{variant:000}{ext}", "renamed/{stem}-v{variant}{ext}", StringComparison.Ordinal));

        var renamed = _data.BuildOk();

        Assert.Equal((80, 0, 80, 80), (renamed.Built, renamed.Rendered, renamed.Restored, renamed.Removed));
        var now = TestDataset.Snapshot(_data.OutputDir);
        Assert.DoesNotContain(now.Keys, k => k.StartsWith("images/", StringComparison.Ordinal));
        Assert.Equal(before[TestDataset.ImageOf(4, 2)].Sha256, now["renamed/s04-v2.png"].Sha256);
        Assert.Equal(80, TestDataset.ManifestItems(_data.OutputDir).Count);
    }

    public void Dispose() => _data.Dispose();
}
