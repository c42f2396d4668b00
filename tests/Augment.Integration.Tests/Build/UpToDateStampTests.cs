using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// The no-op build's short way (src/Augment.Core/Dataset/UpToDateCheck.cs): a complete build leaves
/// .augment/up-to-date, and the next build with nothing to do answers from it without parsing the
/// pipeline or loading OpenCV. Which way a build took shows in its profile (AUGMENT_PROFILE): the
/// short way has a "stamp" phase and no "plan". Every test has its control: the change it makes is
/// seen, and the build does what the full way does.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class UpToDateStampTests(SourcePool pool) : IDisposable
{
    private readonly TestDataset _data = new(pool, sources: 6);

    private string StampPath => Path.Combine(_data.StateDir, "up-to-date");

    [Fact]
    public void A_no_op_build_after_a_complete_build_answers_from_the_stamp_with_the_same_summary()
    {
        var first = _data.BuildOk();
        Assert.Equal(24, first.Rendered);
        Assert.True(File.Exists(StampPath), "a complete build leaves the stamp");
        var before = TestDataset.Snapshot(_data.OutputDir, includeState: true);

        var (summary, phases) = BuildProfiled();

        Assert.Equal((0, 24, 0, 0), (summary.Built, summary.UpToDate, summary.Removed, summary.SourcesHashed));
        Assert.Contains("stamp", phases);
        Assert.DoesNotContain("plan", phases);
        Assert.DoesNotContain("load.config", phases);
        TestDataset.AssertUnchanged(before, TestDataset.Snapshot(_data.OutputDir, includeState: true), f => f == ".augment/lock");

        // The control: --force never takes the short way.
        var (forced, forcedPhases) = BuildProfiled("--force");
        Assert.Equal(24, forced.Rendered);
        Assert.Contains("plan", forcedPhases);
    }

    [Fact]
    public void Each_kind_of_change_is_seen_and_built_as_the_full_way_builds_it()
    {
        _data.BuildOk();

        // A new source: its folder's modification time changed.
        _data.WriteSource(6, pool.Image(6));
        File.WriteAllBytes(_data.MaskPath(6), pool.Mask(6));
        var added = AssertFullWay();
        Assert.Equal((4, 24), (added.Rendered, added.UpToDate));

        // An edited source (a new modification time).
        File.WriteAllBytes(_data.SourcePath(2), pool.Image(9));
        File.SetLastWriteTimeUtc(_data.SourcePath(2), TestDataset.SourceTime.AddDays(1));
        var edited = AssertFullWay();
        Assert.Equal((4, 24), (edited.Rendered, edited.UpToDate));

        // A deleted output: restored from the cache.
        File.Delete(_data.Output(TestDataset.ImageOf(0, 1)));
        var restored = AssertFullWay();
        Assert.Equal((1, 0), (restored.Restored, restored.Rendered));

        // An edited manifest: written anew, no item built.
        File.AppendAllText(Path.Combine(_data.OutputDir, "manifest.json"), " ");
        var manifest = AssertFullWay();
        Assert.Equal(0, manifest.Built);
        Assert.DoesNotContain(" ", File.ReadAllText(Path.Combine(_data.OutputDir, "manifest.json"))[^2..]);

        // A removed source: its outputs leave.
        File.Delete(_data.SourcePath(6));
        File.Delete(_data.MaskPath(6));
        var removed = AssertFullWay();
        Assert.Equal((0, 8), (removed.Built, removed.Removed));

        // The config: another seed renders everything.
        File.WriteAllText(_data.ConfigPath, File.ReadAllText(_data.ConfigPath).Replace("seed: 42", "seed: 43", StringComparison.Ordinal));
        var reseeded = AssertFullWay();
        Assert.Equal(24, reseeded.Rendered);

        // And after each, the stamp holds again.
        AssertStampHolds();
    }

    [Fact]
    public void A_glob_whose_folder_does_not_exist_yet_sees_the_folder_appear()
    {
        File.WriteAllText(_data.ConfigPath, File.ReadAllText(_data.ConfigPath)
            .Replace("images: \"src/*.png\"", "images: [\"src/*.png\", \"later/more/*.png\"]", StringComparison.Ordinal));
        Assert.Equal(24, _data.BuildOk().Rendered);
        // The folder above later/ is the dataset's, where out/ was just created, in the instant the
        // first build began or just before it: the second build writes the stamp if the first did not.
        Assert.Equal(24, _data.BuildOk().UpToDate);
        Assert.True(File.Exists(StampPath));

        // A folder the glob names, created with a source in it: the folder above it changed.
        Directory.CreateDirectory(Path.Combine(_data.Root, "later", "more"));
        File.WriteAllBytes(Path.Combine(_data.Root, "later", "more", "n07.png"), pool.Image(7));
        File.WriteAllBytes(Path.Combine(_data.Root, "srcmasks", "n07.png"), pool.Mask(7));
        var (added, phases) = BuildProfiled();
        Assert.Equal((4, 24), (added.Rendered, added.UpToDate));
        Assert.Contains("plan", phases);
    }

    [Fact]
    public void A_source_changed_in_the_instant_of_the_build_is_never_vouched_for()
    {
        // Git's racy-file rule: a source whose modification time is not older than the build that
        // wrote the stamp could have changed unseen in the same instant. A time in the future stands
        // for that instant here.
        File.SetLastWriteTimeUtc(_data.SourcePath(3), DateTime.UtcNow.AddHours(1));
        _data.BuildOk();
        Assert.False(File.Exists(StampPath), "a stamp vouching for a racy source");

        var (noop, phases) = BuildProfiled();
        Assert.Equal((0, 24), (noop.Built, noop.UpToDate));
        Assert.Contains("plan", phases);

        // The control: with an old time the next build writes a stamp and the one after uses it.
        File.SetLastWriteTimeUtc(_data.SourcePath(3), TestDataset.SourceTime);
        _data.BuildOk();
        Assert.True(File.Exists(StampPath));
        Assert.DoesNotContain("plan", BuildProfiled().Phases);
    }

    [Fact]
    public void A_build_with_a_failed_item_leaves_no_stamp_and_the_next_build_tries_it_again()
    {
        File.WriteAllBytes(_data.SourcePath(4), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var failed = _data.Build();
        Assert.Equal(1, failed.ExitCode);
        Assert.False(File.Exists(StampPath));

        var again = _data.Build();
        Assert.Equal((1, 4), (again.ExitCode, again.Failed));

        // The control: with the source repaired the build completes and leaves the stamp.
        _data.WriteSource(4, pool.Image(4));
        _data.BuildOk();
        Assert.True(File.Exists(StampPath));
    }

    [Fact]
    public void A_damaged_stamp_is_ignored()
    {
        _data.BuildOk();
        var bytes = File.ReadAllBytes(StampPath);
        File.WriteAllBytes(StampPath, bytes[..(bytes.Length / 2)]);

        var (noop, phases) = BuildProfiled();
        Assert.Equal((0, 24), (noop.Built, noop.UpToDate));
        Assert.Contains("plan", phases);

        // The control: the full way wrote it anew, and it holds again.
        AssertStampHolds();
    }

    [Fact]
    public void Another_output_folder_or_cache_is_not_vouched_for_by_this_one()
    {
        _data.BuildOk();
        var elsewhere = Path.Combine(_data.Root, "elsewhere");

        var (other, phases) = BuildProfiled("-o", elsewhere);
        Assert.Equal(24, other.Built);
        Assert.Contains("plan", phases);

        // Another cache folder: the full way, which finds the outputs up to date.
        var (cache, cachePhases) = BuildProfiled("--cache-dir", Path.Combine(_data.Root, "cache2"));
        Assert.Equal((0, 24), (cache.Built, cache.UpToDate));
        Assert.Contains("plan", cachePhases);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A build with nothing to do answers from the stamp: all 24 items up to date, no plan.</summary>
    private void AssertStampHolds()
    {
        var (summary, phases) = BuildProfiled();
        Assert.Equal((0, 24), (summary.Built, summary.UpToDate));
        Assert.Contains("stamp", phases);
        Assert.DoesNotContain("plan", phases);
    }

    private BuildSummary AssertFullWay()
    {
        var (summary, phases) = BuildProfiled();
        Assert.True(summary.ExitCode == 0 && summary.Failed == 0, summary.ToString());
        Assert.Contains("plan", phases);
        return summary;
    }

    private (BuildSummary Summary, HashSet<string> Phases) BuildProfiled(params string[] options)
    {
        var profile = Path.Combine(_data.Root, "profile.tsv");
        File.Delete(profile);
        var summary = TestDataset.ParseSummary(ProcessRunner.RunTool(
            ["build", _data.ConfigPath, "--json", .. options], new Dictionary<string, string?> { ["AUGMENT_PROFILE"] = profile }));
        var phases = File.Exists(profile) ? File.ReadLines(profile).Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal) : [];
        return (summary, phases);
    }
}
