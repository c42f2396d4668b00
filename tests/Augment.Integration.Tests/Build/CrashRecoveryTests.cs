using Xunit.Abstractions;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// PRODUCT.md section 10: killed at any moment (kill -9), the next build finishes the job and the
/// dataset, cache and manifest are consistent. Each build is frozen with SIGSTOP once it has written
/// some outputs, checked to be part-way (no manifest yet), then killed with SIGKILL; so "part-way"
/// is a fact the test checks, not a matter of timing.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class CrashRecoveryTests(SourcePool pool, ITestOutputHelper log) : IDisposable
{
    // 20 sources x 15 variants = 300 items; the elastic field makes each item cost something.
    private const string SlowPipeline = """
          - HorizontalFlip: { p: 0.5 }
          - ElasticTransform: { alpha: 34, sigma: 4, p: 1.0 }
          - Affine: { rotate: [-10, 10], p: 1.0 }
          - GaussNoise: { std_range: [0.02, 0.08], p: 0.5 }
        """;

    private readonly TestDataset _data = new(pool);

    [Fact]
    public void Builds_killed_part_way_leave_a_folder_the_next_build_completes_consistently()
    {
        _data.WriteConfig(variants: 15, pipeline: SlowPipeline);
        var leftovers = new HashSet<string>(StringComparer.Ordinal);

        // Three builds in a row, each killed further along: after 10, 120 and 230 of 300 images.
        foreach (var reached in new[] { 10, 120, 230 })
        {
            KillPartWay(() => CountImages() >= reached, $"{reached} images exist", leftovers);
            Assert.False(File.Exists(Path.Combine(_data.OutputDir, "manifest.json")), "the killed build had written its manifest: it was not part-way");
        }

        Assert.InRange(CountImages(), 230, 299);
        var finished = _data.BuildOk("--jobs", "2");
        log.WriteLine($"after the kills: {finished.Result.StandardOutput.Trim()}; temporary files the killed builds left: {string.Join(", ", leftovers)}");
        Assert.Equal(300, finished.Built + finished.UpToDate);
        Assert.True(finished.Rendered <= 300 - 230, $"work the killed builds had done was done again: {finished}");
        Assert.Equal(300, TestDataset.ManifestItems(_data.OutputDir).Count);
        // The build that ran to the end removed what the killed ones left: no temporary file at all.
        TestDataset.AssertConsistent(_data.OutputDir);
        var verify = _data.Verify();
        Assert.True(verify.ExitCode == 0, verify.ToString());
        var again = _data.BuildOk();
        Assert.Equal((0, 300), (again.Built, again.UpToDate));
    }

    [Fact]
    public void A_rebuild_killed_after_a_config_change_is_finished_by_the_next_build()
    {
        // The harder case: the folder holds a complete older dataset and its manifest; the killed
        // build has replaced part of it with items of the new config before dying.
        _data.WriteConfig(variants: 15, pipeline: SlowPipeline);
        _data.BuildOk("--jobs", "2");
        var oldManifest = File.ReadAllText(Path.Combine(_data.OutputDir, "manifest.json"));
        _data.WriteConfig(variants: 15, pipeline: SlowPipeline.Replace("alpha: 34", "alpha: 30", StringComparison.Ordinal));
        var cache = Path.Combine(_data.StateDir, "cache");
        var leftovers = new HashSet<string>(StringComparer.Ordinal);

        KillPartWay(() => TestDataset.CachedKeyCount(cache) >= 300 + 100, "100 new items are cached", leftovers);
        Assert.Equal(oldManifest, File.ReadAllText(Path.Combine(_data.OutputDir, "manifest.json")));

        var finished = _data.BuildOk("--jobs", "2");
        log.WriteLine($"after the kill: {finished.Result.StandardOutput.Trim()}; temporary files the killed build left: {string.Join(", ", leftovers)}");
        Assert.Equal(300, finished.Built + finished.UpToDate);
        Assert.True(finished.Rendered <= 300 - 100, $"work the killed build had done was done again: {finished}");
        var manifest = TestDataset.Manifest(_data.OutputDir);
        Assert.Equal(TestDataset.Sha256(_data.ConfigPath), manifest["configSha256"]!.GetValue<string>());
        TestDataset.AssertConsistent(_data.OutputDir, leftovers);
        var verify = _data.Verify();
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    public void Dispose() => _data.Dispose();

    private void KillPartWay(Func<bool> reached, string what, HashSet<string> leftovers)
    {
        using var build = RunningTool.Start(["build", _data.ConfigPath, "--json", "--jobs", "2"]);
        build.WaitUntil(reached, what);
        build.Stop();
        Assert.False(build.HasExited, "the build finished before it could be stopped");
        build.Kill();
        log.WriteLine($"killed at: {what}");
        foreach (var file in Directory.EnumerateFiles(_data.OutputDir, "*.tmp", SearchOption.AllDirectories))
        {
            leftovers.Add(Path.GetRelativePath(_data.OutputDir, file).Replace('\\', '/'));
        }
    }

    private int CountImages()
    {
        var images = Path.Combine(_data.OutputDir, "images");
        return Directory.Exists(images) ? Directory.EnumerateFiles(images, "*.png").Count() : 0;
    }
}
