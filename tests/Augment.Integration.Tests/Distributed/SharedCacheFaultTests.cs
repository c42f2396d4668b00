using System.Security.Cryptography;
using System.Text;
using Augment.Integration.Tests.Build;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Distributed;

/// <summary>
/// Acceptance 3 of issue 18 (docs/distributed.md, "The shared cache"): faults against the real
/// nginx. A shard killed with SIGKILL and run again; two processes uploading the same objects at
/// once; the server stopped while a build runs; objects corrupted or cut short on the server; wrong
/// credentials. Each ends with the bytes of a one-machine build, or with one clear message and
/// nothing leaked. "Part-way" is a fact each test checks (requests in nginx's access log while the
/// tool is frozen with SIGSTOP), never a matter of timing.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class SharedCacheFaultTests(SourcePool pool) : IDisposable
{
    // 20 sources x 8 variants = 160 items; the elastic field makes each item cost something.
    private const string SlowPipeline = """
          - HorizontalFlip: { p: 0.5 }
          - ElasticTransform: { alpha: 34, sigma: 4, p: 1.0 }
          - Affine: { rotate: [-10, 10], p: 1.0 }
          - GaussNoise: { std_range: [0.02, 0.08], p: 0.5 }
        """;

    private const int Items = 160;

    private readonly TestDataset _data = new(pool);
    private readonly NginxServer _server = new();

    [Fact]
    public void A_shard_killed_mid_way_and_run_again_leaves_what_a_gather_restores_to_the_one_machine_bytes()
    {
        using var copies = Copies();
        var (single, alone) = OneMachine(copies);
        var shardFolder = copies.Copy();
        var shardItems = PlanCount(copies, "0/2");

        using (var shard = DatasetCopies.StartBuild(shardFolder, "augment.yaml", null, "--shard", "0/2", "--cache-url", _server.Url, "--jobs", "1"))
        {
            shard.WaitUntil(() => Puts("/ac/") >= 10, "10 key records are uploaded");
            shard.Stop();
            Assert.InRange(Puts("/ac/"), 10, shardItems - 1); // part-way: not every item, and so no pack or pointer yet
            shard.Kill();
        }

        var again = DatasetCopies.Build(shardFolder, "augment.yaml", null, "--shard", "0/2", "--cache-url", _server.Url);
        Assert.True(again.ExitCode == 0 && again.Failed == 0, again.ToString());
        Assert.True(again.Rendered < shardItems, $"the rerun rendered again what the killed shard had kept: {again}");
        Assert.Equal(shardItems, again.Rendered + again.Json["cached"]!.GetValue<int>());
        Assert.NotNull(again.Json["pack"]?.GetValue<string>());
        Assert.Equal(0, DatasetCopies.Build(copies.Copy(), "augment.yaml", null, "--shard", "1/2", "--cache-url", _server.Url).ExitCode);

        var gatherFolder = copies.Copy();
        var gather = DatasetCopies.Build(gatherFolder, "augment.yaml", null, "--require-cached", "--cache-url", _server.Url);
        Assert.True(gather.ExitCode == 0 && gather.Rendered == 0 && gather.Restored == Items, gather.ToString());
        Assert.Equal(DatasetCopies.Contents(Path.Combine(single, "out")), DatasetCopies.Contents(Path.Combine(gatherFolder, "out")));
        Assert.True(DatasetCopies.Tool(gatherFolder, ["verify", "augment.yaml"]).ExitCode == 0);
        Assert.Equal(alone.Rendered, gather.Restored);
        AssertServerObjectsHashToTheirNames();
    }

    [Fact]
    public void Two_processes_uploading_the_same_objects_at_once_leave_a_cache_that_a_gather_restores_to_the_one_machine_bytes()
    {
        using var copies = Copies();
        var (single, _) = OneMachine(copies);

        // The same shard twice, as a scheduler that retries a job it thinks lost while the first still runs.
        using var first = DatasetCopies.StartBuild(copies.Copy(), "augment.yaml", null, "--shard", "0/2", "--cache-url", _server.Url, "--jobs", "1");
        using var second = DatasetCopies.StartBuild(copies.Copy(), "augment.yaml", null, "--shard", "0/2", "--cache-url", _server.Url, "--jobs", "1");
        Assert.False(first.HasExited, "the first shard ended before the second started");
        var results = new[] { first.WaitForExit(), second.WaitForExit() }.Select(TestDataset.ParseSummary).ToList();
        Assert.All(results, r => Assert.True(r.ExitCode == 0 && r.Failed == 0 && r.Warnings.Count == 0, r.ToString()));
        Assert.Equal(results[0].Json["pack"]!.GetValue<string>(), results[1].Json["pack"]!.GetValue<string>()); // the same records, the same pack

        // Every object of the shard was PUT by both.
        var puts = _server.Requests().Where(r => r is { Method: "PUT" } && r.Path.StartsWith("/cas/", StringComparison.Ordinal)).GroupBy(r => r.Path).ToList();
        Assert.Contains(puts, g => g.Count() >= 2);
        Assert.All(puts.SelectMany(g => g), r => Assert.InRange(r.Status, 200, 299));

        Assert.Equal(0, DatasetCopies.Build(copies.Copy(), "augment.yaml", null, "--shard", "1/2", "--cache-url", _server.Url).ExitCode);
        var gatherFolder = copies.Copy();
        var gather = DatasetCopies.Build(gatherFolder, "augment.yaml", null, "--require-cached", "--cache-url", _server.Url);
        Assert.True(gather.ExitCode == 0 && gather.Rendered == 0 && gather.Restored == Items, gather.ToString());
        Assert.Equal(DatasetCopies.Contents(Path.Combine(single, "out")), DatasetCopies.Contents(Path.Combine(gatherFolder, "out")));
        AssertServerObjectsHashToTheirNames();
    }

    [Fact]
    public void The_server_stopped_in_the_middle_of_a_build_is_one_warning_and_the_build_completes_locally()
    {
        using var copies = Copies();
        var (single, _) = OneMachine(copies);
        var folder = copies.Copy();
        var build = StopServerPartWay(folder);

        var summary = TestDataset.ParseSummary(build);
        Assert.True(summary.ExitCode == 0 && summary.Failed == 0, summary.ToString());
        Assert.Equal(Items, summary.Rendered);
        var warning = Assert.Single(summary.Warnings);
        Assert.Contains($"the cache at {_server.Url} cannot be used", warning, StringComparison.Ordinal);
        Assert.Contains("the build goes on without it", warning, StringComparison.Ordinal);
        Assert.Equal(DatasetCopies.Contents(Path.Combine(single, "out")), DatasetCopies.Contents(Path.Combine(folder, "out")));
        Assert.Equal(Items, TestDataset.ManifestItems(Path.Combine(folder, "out")).Count);
    }

    [Fact]
    public void The_server_stopped_in_the_middle_of_a_build_with_cache_required_fails_it_with_exit_2_and_loses_nothing_rendered()
    {
        using var copies = Copies();
        var (single, _) = OneMachine(copies);
        var folder = copies.Copy();
        var build = StopServerPartWay(folder, "--cache-required");

        Assert.Equal(2, build.ExitCode);
        var error = Assert.Single(Lines(build.StandardError), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"the cache at {_server.Url} cannot be used", error, StringComparison.Ordinal);
        Assert.Contains("--cache-required", error, StringComparison.Ordinal);

        // What it rendered is in its local cache: the next build (without the server) restores it.
        var next = DatasetCopies.Build(folder, "augment.yaml", null);
        Assert.True(next.ExitCode == 0 && next.Failed == 0, next.ToString());
        Assert.True(next.Rendered < Items && next.Restored + next.UpToDate > 0, next.ToString());
        Assert.Equal(DatasetCopies.Contents(Path.Combine(single, "out")), DatasetCopies.Contents(Path.Combine(folder, "out")));
    }

    [Fact]
    public void A_corrupt_and_a_truncated_object_on_the_server_are_reported_rendered_here_and_replaced()
    {
        using var copies = Copies();
        var first = copies.Copy();
        var built = DatasetCopies.Build(first, "augment.yaml", null, "--cache-url", _server.Url);
        Assert.True(built.ExitCode == 0 && built.Json["uploaded"]!.GetValue<int>() == Items, built.ToString());

        var corrupt = TestDataset.Sha256(Path.Combine(first, "out", TestDataset.ImageOf(3, 1)));
        var truncated = TestDataset.Sha256(Path.Combine(first, "out", TestDataset.MaskOf(7, 2)));
        var bytes = File.ReadAllBytes(_server.ObjectPath(corrupt));
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(_server.ObjectPath(corrupt), bytes);
        File.WriteAllBytes(_server.ObjectPath(truncated), File.ReadAllBytes(_server.ObjectPath(truncated))[..^100]);

        var other = copies.Copy();
        var gather = DatasetCopies.Build(other, "augment.yaml", null, "--cache-url", _server.Url);
        Assert.True(gather.ExitCode == 0 && gather.Failed == 0, gather.ToString());
        Assert.Equal((2, Items - 2), (gather.Rendered, gather.Restored)); // the two items whose objects were bad, and only they
        var warnings = gather.Warnings;
        Assert.Equal(2, warnings.Count);
        Assert.Single(warnings, w => w.Contains($"the object {corrupt} of {TestDataset.ImageOf(3, 1)}", StringComparison.Ordinal) && w.Contains("is corrupt", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains($"the object {truncated} of {TestDataset.ImageOf(7, 2)}", StringComparison.Ordinal) && w.Contains("is corrupt", StringComparison.Ordinal));
        Assert.Equal(DatasetCopies.Contents(Path.Combine(first, "out")), DatasetCopies.Contents(Path.Combine(other, "out")));

        // The items' uploads replaced the bad objects: the server serves them intact again.
        Assert.Equal(corrupt, TestDataset.Sha256(_server.ObjectPath(corrupt)));
        Assert.Equal(truncated, TestDataset.Sha256(_server.ObjectPath(truncated)));
        var third = DatasetCopies.Build(copies.Copy(), "augment.yaml", null, "--cache-url", _server.Url);
        Assert.True(third.ExitCode == 0 && third.Rendered == 0 && third.Warnings.Count == 0, third.ToString());
    }

    [Theory]
    [InlineData("url")]
    [InlineData("token")]
    public void Wrong_credentials_are_one_clear_error_with_exit_2_and_the_secret_appears_nowhere(string how)
    {
        const string Secret = "wr0ng-s3cret-9f4c";
        using var guarded = new NginxServer(("augment", "the-right-password"));
        using var copies = Copies();
        var folder = copies.Copy();
        var (url, environment) = how == "url"
            ? (guarded.UrlWith("augment", Secret), null)
            : (guarded.Url, new Dictionary<string, string?> { ["AUGMENT_CACHE_TOKEN"] = Secret });
        var build = DatasetCopies.Tool(folder, ["build", "augment.yaml", "--json", "--cache-url", url], environment);

        Assert.Equal(2, build.ExitCode);
        var error = Assert.Single(Lines(build.StandardError));
        Assert.Equal($"error: the cache at {guarded.Url} refused the credentials (401 Unauthorized); check AUGMENT_CACHE_TOKEN or the user:password in the URL", error);
        Assert.DoesNotContain(Secret, build.StandardOutput + build.StandardError, StringComparison.Ordinal);
        var secret = Encoding.UTF8.GetBytes(Secret);
        Assert.All(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), file => Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(secret) < 0, $"{file} holds the secret"));
        Assert.DoesNotContain(guarded.Requests(), r => r.Method == "PUT");
    }

    public void Dispose()
    {
        _server.Dispose();
        _data.Dispose();
    }

    private static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private DatasetCopies Copies()
    {
        _data.WriteConfig(variants: 8, pipeline: SlowPipeline);
        return new DatasetCopies(_data.Root);
    }

    // The reference: a one-machine build with no shared cache at all.
    private static (string Folder, BuildSummary Summary) OneMachine(DatasetCopies copies)
    {
        var folder = copies.Copy();
        var summary = DatasetCopies.Build(folder, "augment.yaml", null);
        Assert.True(summary.ExitCode == 0 && summary.Rendered == Items, summary.ToString());
        return (folder, summary);
    }

    private static int PlanCount(DatasetCopies copies, string shard) =>
        TestDataset.ParseObject(DatasetCopies.Tool(copies.Copy(), ["plan", "augment.yaml", "--json", "--shard", shard]))["items"]!.AsArray().Count;

    private int Puts(string prefix) => _server.Requests().Count(r => r.Method == "PUT" && r.Path.StartsWith(prefix, StringComparison.Ordinal));

    // A build with --cache-url, frozen once it has uploaded 10 items; the server stopped; the build resumed and run to its end.
    private ProcessResult StopServerPartWay(string folder, params string[] options)
    {
        using var build = DatasetCopies.StartBuild(folder, "augment.yaml", null, ["--cache-url", _server.Url, "--jobs", "1", .. options]);
        build.WaitUntil(() => Puts("/ac/") >= 10, "10 items are uploaded");
        build.Stop();
        Assert.InRange(Puts("/ac/"), 10, Items - 1);
        _server.Stop();
        build.Resume();
        return build.WaitForExit();
    }

    private void AssertServerObjectsHashToTheirNames()
    {
        var objects = Directory.GetFiles(Path.Combine(_server.Root, "cas"));
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Equal(Path.GetFileName(o), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(o)))));
        Assert.DoesNotContain(Directory.EnumerateFiles(_server.Root, "*", SearchOption.AllDirectories),
            f => !f.Contains("/cas/", StringComparison.Ordinal) && !f.Contains("/ac/", StringComparison.Ordinal));
    }
}
