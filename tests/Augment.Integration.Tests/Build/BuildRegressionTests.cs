using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// Behaviour PRODUCT.md asks for that the tool once lacked; each comment says what used to happen.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class BuildRegressionTests(SourcePool pool) : IDisposable
{
    private readonly TestDataset _data = new(pool);

    /// <summary>
    /// PRODUCT.md section 6: "A build that has nothing to do writes nothing." A no-op build
    /// rewrites manifest.json (same bytes, new inode and mtime: a watcher, rsync or `make` sees
    /// a changed dataset) and the state files .augment/inputs.json and .augment/outputs.json.
    /// </summary>
    [Fact]
    public void A_build_with_nothing_to_do_writes_no_file_not_even_the_manifest()
    {
        _data.BuildOk();
        var before = TestDataset.Snapshot(_data.OutputDir, includeState: true);
        Thread.Sleep(20); // so that a rewrite cannot keep the same modification time

        var again = _data.BuildOk();

        Assert.Equal(0, again.Built);
        var rewritten = TestDataset.Differences(before, TestDataset.Snapshot(_data.OutputDir, includeState: true));
        Assert.True(rewritten.Count == 0, $"a build with nothing to do rewrote: {string.Join(", ", rewritten)}");
    }

    /// <summary>
    /// PRODUCT.md section 6: "An output edited by hand is detected and regenerated." Outputs are hard
    /// links to the cache's objects, so an edit in place (a program that opens the file for writing
    /// and saves: File.WriteAllBytes, Python's open(path, "wb"), PIL's save) changes the cache's
    /// object too. The build detects the edit ("output modified") but "restores" it by linking the
    /// same, now corrupted, object; it then records the file as good, reports success, and the
    /// dataset stays wrong; even `build --force` does not repair it, because ContentStore.Put keeps an
    /// existing object. `verify` keeps failing.
    /// </summary>
    [Fact]
    public void An_output_edited_in_place_is_regenerated_with_the_right_bytes()
    {
        _data.BuildOk();
        var relative = TestDataset.ImageOf(2, 1);
        var path = _data.Output(relative);
        var original = File.ReadAllBytes(path);
        File.WriteAllBytes(path, TestDataset.FlipMiddleByte(original)); // truncates and rewrites the same inode

        var (plan, _) = _data.Plan();
        // The cache's object changed with the edit, so the item is rendered again, not restored.
        Assert.Equal(("render", "output modified"), plan[relative]);
        var repaired = _data.BuildOk();

        Assert.Equal(1, repaired.Built);
        Assert.True(
            File.ReadAllBytes(path).AsSpan().SequenceEqual(original),
            $"the build 'restored' {relative} with the edited bytes: the edit went through the hard link into the cache object it restores from");
        TestDataset.AssertConsistent(_data.OutputDir);
        var verify = _data.Verify();
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    /// <summary>
    /// PRODUCT.md section 10: after kill -9 "the next build finishes the job and the dataset, cache and
    /// manifest are consistent". A build killed while writing leaves its temporary files
    /// (NAME.PID.N.tmp, from AtomicFile.TempName) next to the final names, and no later build removes
    /// them. Real kills in CrashRecoveryTests mostly leave them in .augment/cache/objects (the write
    /// that flushes to disk is the slow one), where they only waste space; a kill during a
    /// materialisation or the manifest's write leaves them in images/, masks/ or beside manifest.json,
    /// where a training loader's glob finds them. Those are made here as a killed build leaves them
    /// (a real kill lands in such a write only now and then; CrashRecoveryTests tolerates what it left).
    /// </summary>
    [Fact]
    public void The_next_build_removes_the_temporary_files_a_killed_build_left()
    {
        _data.BuildOk();
        var image = _data.Output(TestDataset.ImageOf(0, 0));
        var leftovers = new[] { image + ".999999.1.tmp", _data.Output("manifest.json") + ".999999.2.tmp" };
        File.WriteAllBytes(leftovers[0], File.ReadAllBytes(image)[..100]);
        File.WriteAllText(leftovers[1], "{\"schema\": 1, \"ite");
        // A killed build removed the up-to-date stamp when it began, before it wrote anything
        // (UpToDateStampWriter.Begin); with the stamp in place the next build would not look.
        File.Delete(Path.Combine(_data.StateDir, "up-to-date"));

        _data.BuildOk();

        Assert.All(leftovers, l => Assert.False(File.Exists(l), $"{l} is still there"));
        TestDataset.AssertConsistent(_data.OutputDir);
    }

    /// <summary>
    /// PRODUCT.md section 10 / the InputScanner's own contract: "Files the output folder holds are
    /// never inputs." Only the config's output.dir is excluded: built with `-o` into a folder that the
    /// inputs glob covers, the next build takes the previous outputs for sources and builds variants
    /// of variants (80 items, then 80 + 320 more, growing every build).
    /// </summary>
    [Fact]
    public void Outputs_written_with_o_inside_the_inputs_glob_are_not_taken_for_sources()
    {
        _data.WriteConfig(images: "**/*.png", masks: false);
        Directory.Delete(Path.Combine(_data.Root, "srcmasks"), recursive: true);
        var other = Path.Combine(_data.Root, "other");

        var first = _data.BuildOk("-o", other);
        Assert.Equal(80, first.Built);
        var second = _data.BuildOk("-o", other);

        Assert.True((second.Built, second.UpToDate) == (0, 80), second.ToString());
        Assert.Equal(80, TestDataset.ManifestItems(other).Count);
    }

    /// <summary>
    /// PRODUCT.md sections 8 and 10: failures are clear messages with exit codes, never a stack
    /// trace. `verify` before any build throws FileNotFoundException out of Main ("Unhandled
    /// exception", a stack trace, exit 134 from the runtime's abort); with a source deleted since the
    /// build it throws an AggregateException the same way.
    /// </summary>
    [Fact]
    public void Verify_without_a_manifest_or_with_a_missing_source_fails_with_a_message_not_a_crash()
    {
        var before = _data.Verify();
        Assert.True(before.ExitCode is 1 or 2, before.ToString());
        Assert.Contains("manifest.json", before.StandardError, StringComparison.Ordinal);
        AssertNoCrash(before);

        _data.BuildOk();
        File.Delete(_data.SourcePath(1));
        var missing = _data.Verify();
        Assert.True(missing.ExitCode is 1 or 2, missing.ToString());
        Assert.Contains(_data.SourcePath(1), missing.StandardError, StringComparison.Ordinal);
        AssertNoCrash(missing);
    }

    /// <summary>
    /// PRODUCT.md section 8 lists `build --keep-going` (keeping going is the default; the option
    /// should be accepted). The tool has no such option: "Unrecognized command or argument
    /// '--keep-going'", the help text, exit 1.
    /// </summary>
    [Fact]
    public void Build_accepts_keep_going()
    {
        var result = ProcessRunner.RunTool(["build", _data.ConfigPath, "--keep-going", "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(80, TestDataset.ParseSummary(result).Built);
    }

    /// <summary>
    /// PRODUCT.md section 8 and ExitCodes.cs: exit 2 is "bad usage or config", exit 1 "some items
    /// failed". Usage errors System.CommandLine reports itself (an unknown option, `--jobs 0`
    /// failing its validator) exit 1, so a CI script cannot tell a typo from a failed item.
    /// </summary>
    [Fact]
    public void Usage_errors_exit_2_not_1()
    {
        var unknown = ProcessRunner.RunTool(["build", _data.ConfigPath, "--no-such-option"]);
        var zeroJobs = ProcessRunner.RunTool(["build", _data.ConfigPath, "--jobs", "0"]);

        Assert.Contains("--no-such-option", unknown.StandardError, StringComparison.Ordinal);
        Assert.Contains("--jobs must be at least 1", zeroJobs.StandardError, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.True(zeroJobs.ExitCode == 2, zeroJobs.ToString());
        Assert.False(Directory.Exists(_data.OutputDir), "a usage error built something");
    }

    /// <summary>
    /// PRODUCT.md section 10 and ContentStore.Materialize: a file is materialised by hard-linking
    /// the object to NAME.PID.N.tmp and renaming that over NAME. When NAME already is a link to the
    /// same object, rename(2) does nothing ("If oldpath and newpath are existing hard links referring
    /// to the same file, then rename() does nothing, and returns a success status"), so the .tmp
    /// stays in the dataset for good. It happens whenever an item is rendered or restored while one
    /// of its files already holds the right bytes: here source s03's image changes and its mask does
    /// not, so each of its 4 output masks is re-materialised onto itself and leaves
    /// masks/s03_00N.png.PID.N.tmp. (Also after an edited or deleted output image is restored: its
    /// masks leave one each.)
    /// </summary>
    [Fact]
    public void Rendering_an_item_whose_mask_is_unchanged_leaves_no_temporary_file()
    {
        _data.BuildOk();
        _data.WriteSource(3, pool.Image(20));
        File.SetLastWriteTimeUtc(_data.SourcePath(3), DateTime.UtcNow.AddSeconds(-2));

        var rebuilt = _data.BuildOk();

        Assert.Equal(4, rebuilt.Rendered);
        var left = Directory.EnumerateFiles(_data.OutputDir, "*.tmp", SearchOption.AllDirectories).ToList();
        Assert.True(left.Count == 0, $"left behind: {string.Join(", ", left)}");
        TestDataset.AssertConsistent(_data.OutputDir, tolerateUnrenamedLinks: false);
    }

    /// <summary>
    /// PRODUCT.md section 6 calls `plan` a dry run, and its help says "without writing anything";
    /// on a fresh dataset it creates OUTPUT/.augment/cache/objects (the ContentStore's constructor
    /// makes its folder), so a dry run leaves an output folder behind.
    /// </summary>
    [Fact]
    public void Plan_on_a_fresh_dataset_creates_no_folder()
    {
        var (items, _) = _data.Plan();

        Assert.Equal(80, items.Count);
        Assert.False(Directory.Exists(_data.OutputDir), $"plan created {_data.OutputDir}");
    }

    public void Dispose() => _data.Dispose();

    private static void AssertNoCrash(ProcessResult result)
    {
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }
}
