using System.Text.RegularExpressions;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// PRODUCT.md sections 8 and 10: two builds of one output at once: the second waits for the lock,
/// or with --no-wait exits 3 naming it. The lock is an exclusive open of OUTPUT/.augment/lock, which
/// .NET takes as an advisory flock on Linux; the test takes it the same way to play the first build.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class BuildLockTests(SourcePool pool) : IDisposable
{
    private readonly TestDataset _data = new(pool);

    [Fact]
    public void With_no_wait_a_locked_output_exits_3_naming_the_lock_and_writes_nothing()
    {
        Directory.CreateDirectory(_data.StateDir);
        using (HoldLock())
        {
            var text = ProcessRunner.RunTool(["build", _data.ConfigPath, "--no-wait"]);
            Assert.True(text.ExitCode == 3, text.ToString());
            Assert.Contains(_data.LockPath, text.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text.StandardError, StringComparison.Ordinal);

            var json = ProcessRunner.RunTool(["build", _data.ConfigPath, "--no-wait", "--json"]);
            Assert.True(json.ExitCode == 3, json.ToString());
            Assert.Contains(_data.LockPath, json.StandardError, StringComparison.Ordinal);

            Assert.False(Directory.Exists(Path.Combine(_data.OutputDir, "images")), "a locked-out build wrote outputs");
            Assert.False(File.Exists(Path.Combine(_data.OutputDir, "manifest.json")), "a locked-out build wrote the manifest");
        }

        var free = _data.BuildOk("--no-wait");
        Assert.Equal(80, free.Built);
    }

    [Fact]
    public void Without_no_wait_a_locked_build_waits_and_builds_once_the_lock_is_released()
    {
        Directory.CreateDirectory(_data.StateDir);
        var held = HoldLock();
        try
        {
            using var waiting = RunningTool.Start(["build", _data.ConfigPath]);
            waiting.WaitUntil(() => waiting.StandardError.Contains($"waiting for another build to release {_data.LockPath}", StringComparison.Ordinal), "the build says it waits");
            Assert.False(waiting.HasExited);
            Assert.False(Directory.Exists(Path.Combine(_data.OutputDir, "images")), "the waiting build wrote outputs while locked out");

            held.Dispose();
            var result = waiting.WaitForExit();

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(@"^80 built \(80 rendered, 0 from cache\), 0 up to date", result.StandardOutput);
            TestDataset.AssertConsistent(_data.OutputDir);
        }
        finally
        {
            held.Dispose();
        }
    }

    [Fact]
    public void Of_two_real_builds_of_one_output_the_second_waits_for_the_first_and_then_has_nothing_to_do()
    {
        _data.WriteConfig(pipeline: "  - ElasticTransform: { alpha: 34, sigma: 4, p: 1.0 }\n  - Affine: { rotate: [-10, 10], p: 1.0 }");
        using var first = RunningTool.Start(["build", _data.ConfigPath, "--json", "--jobs", "1"]);
        var images = Path.Combine(_data.OutputDir, "images");
        first.WaitUntil(() => Directory.Exists(images) && Directory.EnumerateFiles(images, "*.png").Any(), "the first build writes an output");
        first.Stop(); // frozen while it holds the lock, part-way through its 80 items
        try
        {
            var refused = ProcessRunner.RunTool(["build", _data.ConfigPath, "--no-wait"]);
            Assert.True(refused.ExitCode == 3, refused.ToString());
            Assert.Contains(_data.LockPath, refused.StandardError, StringComparison.Ordinal);

            using var second = RunningTool.Start(["build", _data.ConfigPath]);
            second.WaitUntil(() => second.StandardError.Contains("waiting for another build", StringComparison.Ordinal), "the second build says it waits");
            Assert.False(second.HasExited);

            first.Resume();
            var one = TestDataset.ParseSummary(first.WaitForExit());
            var two = second.WaitForExit();

            Assert.True(one.ExitCode == 0 && one.Built == 80, one.ToString());
            Assert.True(two.ExitCode == 0, two.ToString());
            // It planned after the first build finished: everything up to date, nothing built twice.
            Assert.Matches(new Regex(@"^0 built \(0 rendered, 0 from cache\), 80 up to date, 0 removed, 0 failed", RegexOptions.Multiline), two.StandardOutput);
            TestDataset.AssertConsistent(_data.OutputDir);
        }
        finally
        {
            if (!first.HasExited)
            {
                first.Resume();
            }
        }
    }

    [Fact]
    public void A_build_killed_while_holding_the_lock_leaves_no_stale_lock()
    {
        _data.WriteConfig(variants: 10, pipeline: "  - ElasticTransform: { alpha: 34, sigma: 4, p: 1.0 }");
        using (var killed = RunningTool.Start(["build", _data.ConfigPath, "--json", "--jobs", "1"]))
        {
            var images = Path.Combine(_data.OutputDir, "images");
            killed.WaitUntil(() => Directory.Exists(images) && Directory.EnumerateFiles(images, "*.png").Any(), "the build writes an output");
            killed.Kill();
        }

        Assert.True(File.Exists(_data.LockPath));
        var next = _data.BuildOk("--no-wait");
        Assert.Equal(200, next.Built + next.UpToDate);
    }

    public void Dispose() => _data.Dispose();

    private FileStream HoldLock() => new(_data.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
