using Augment.Integration.Tests.Build;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Distributed;

/// <summary>
/// docs/distributed.md, acceptance 1, 2 and 4 of issue 18: shards on separate "machines" (fresh
/// copies with local caches of their own) write into a real nginx HTTP cache or one shared folder,
/// and a gather on another fresh copy with an empty cache renders nothing and writes the very bytes
/// of a one-machine build, manifest included.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class ShardGatherTests(SourcePool pool) : IDisposable
{
    /// <summary>A membrane-like segmentation pipeline: flips, affine, elastic, brightness/contrast, noise (bench/configs/segmentation.yaml).</summary>
    public const string MembranePipeline = """
          - HorizontalFlip: { p: 0.5 }
          - VerticalFlip: { p: 0.5 }
          - Affine: { rotate: [-15, 15], scale: [0.9, 1.1], translate_percent: [-0.06, 0.06], p: 1.0 }
          - ElasticTransform: { alpha: 34, sigma: 4, p: 0.5 }
          - RandomBrightnessContrast: { brightness_limit: 0.2, contrast_limit: 0.2, p: 0.5 }
          - GaussNoise: { std_range: [0.02, 0.08], p: 0.3 }
        """;

    private readonly TestDataset _data = new(pool);
    private readonly NginxServer _server = new();

    public static TheoryData<string> Configs => new() { "membrane", "augment.yaml", "classification.yaml" };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Three_shards_then_a_gather_on_a_fresh_copy_give_the_bytes_of_a_one_machine_build(string dataset)
    {
        var (copies, config, output) = Dataset(dataset);
        using var _ = copies;
        var single = copies.Copy();
        var alone = DatasetCopies.Build(single, config, null);
        Assert.True(alone.ExitCode == 0 && alone.Rendered > 0, alone.ToString());

        var shardItems = 0;
        var shardsWithItems = 0;
        for (var i = 0; i < 3; i++)
        {
            var shard = DatasetCopies.Build(copies.Copy(), config, null, "--shard", $"{i}/3", "--cache-url", _server.Url);
            Assert.True(shard.ExitCode == 0 && shard.Failed == 0, shard.ToString());
            Assert.Equal($"{i}/3", shard.Json["shard"]!.GetValue<string>());
            Assert.Equal(shard.Rendered, shard.Json["uploaded"]!.GetValue<int>());
            Assert.NotNull(shard.Json["pack"]?.GetValue<string>());
            shardItems += shard.Rendered;
            shardsWithItems += shard.Rendered > 0 ? 1 : 0;
        }

        Assert.Equal(alone.Rendered, shardItems); // every item in exactly one shard
        var gatherFolder = copies.Copy();
        var before = _server.Requests().Count;
        var gather = DatasetCopies.Build(gatherFolder, config, null, "--require-cached", "--cache-url", _server.Url);
        Assert.True(gather.ExitCode == 0, gather.ToString());
        Assert.Equal((0, alone.Rendered, alone.Rendered), (gather.Rendered, gather.Restored, gather.Json["fetched"]!.GetValue<int>()));
        Assert.Equal(DatasetCopies.Contents(Path.Combine(single, output)), DatasetCopies.Contents(Path.Combine(gatherFolder, output)));

        // The key records came in the shards' packs (the count record and one pointer per shard, no
        // record per item), the objects in the shards' bundles: a pack per shard, a bundle per shard that has items.
        var requests = _server.Requests().Skip(before).ToList();
        Assert.Equal(4, requests.Count(r => r is { Method: "GET", Path: var p } && p.StartsWith("/ac/", StringComparison.Ordinal)));
        Assert.Equal(3 + shardsWithItems, requests.Count(r => r is { Method: "GET", Path: var p } && p.StartsWith("/cas/", StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.Method == "PUT");
    }

    [Theory]
    [InlineData("kubernetes")]
    [InlineData("slurm")]
    [InlineData("gitlab")]
    public void Shards_taken_from_each_schedulers_variables_gather_to_the_one_machine_bytes(string scheduler)
    {
        _data.WriteConfig(variants: 2, pipeline: MembranePipeline);
        using var copies = new DatasetCopies(_data.Root);
        var single = copies.Copy();
        var alone = DatasetCopies.Build(single, "augment.yaml", null);
        Assert.Equal(0, alone.ExitCode);
        for (var i = 0; i < 3; i++)
        {
            var environment = new Dictionary<string, string?>(SchedulerVariables(scheduler, i, 3)) { ["AUGMENT_CACHE_URL"] = _server.Url };
            var shard = DatasetCopies.Build(copies.Copy(), "augment.yaml", environment, "--shard", "env");
            Assert.True(shard.ExitCode == 0, shard.ToString());
            Assert.Equal($"{i}/3", shard.Json["shard"]!.GetValue<string>());
        }

        var gatherFolder = copies.Copy();
        var gather = DatasetCopies.Build(gatherFolder, "augment.yaml", new Dictionary<string, string?> { ["AUGMENT_CACHE_URL"] = _server.Url }, "--require-cached");
        Assert.True(gather.ExitCode == 0 && gather.Rendered == 0, gather.ToString());
        Assert.Equal(DatasetCopies.Contents(Path.Combine(single, "out")), DatasetCopies.Contents(Path.Combine(gatherFolder, "out")));
    }

    [Fact]
    public void A_gather_with_one_shard_missing_and_require_cached_exits_1_listing_exactly_that_shards_items()
    {
        _data.WriteConfig(variants: 2);
        using var copies = new DatasetCopies(_data.Root);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            if (i == 1)
            {
                // What shard 1 would have built (a dry run writes nothing).
                var plan = DatasetCopies.Tool(copies.Copy(), ["plan", "augment.yaml", "--json", "--shard", "1/3"]);
                missing.UnionWith(TestDataset.ParseObject(plan)["items"]!.AsArray().Select(item => item!["image"]!.GetValue<string>()));
                continue;
            }

            Assert.Equal(0, DatasetCopies.Build(copies.Copy(), "augment.yaml", null, "--shard", $"{i}/3", "--cache-url", _server.Url).ExitCode);
        }

        Assert.NotEmpty(missing);
        var gatherFolder = copies.Copy();
        var gather = DatasetCopies.Build(gatherFolder, "augment.yaml", null, "--require-cached", "--cache-url", _server.Url);
        Assert.Equal(1, gather.ExitCode);
        Assert.Equal(0, gather.Rendered);
        var listed = gather.Errors.Select(e => e.Message.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(missing.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.All(gather.Errors, e => Assert.Contains("--require-cached", e.Message, StringComparison.Ordinal));
        Assert.All(missing, image => Assert.False(File.Exists(Path.Combine(gatherFolder, "out", image)), image));
    }

    [Fact]
    public void Three_shard_processes_at_once_into_one_shared_folder_leave_a_cache_that_a_gather_verifies()
    {
        _data.WriteConfig(variants: 3, pipeline: MembranePipeline);
        using var copies = new DatasetCopies(_data.Root);
        var shared = Path.Combine(copies.Root, "shared-cache");
        var shards = Enumerable.Range(0, 3).Select(i => (Folder: copies.Copy(), Index: i)).ToList();
        var results = shards.AsParallel().WithDegreeOfParallelism(3)
            .Select(s => DatasetCopies.Build(s.Folder, "augment.yaml", null, "--shard", $"{s.Index}/3", "--cache-dir", shared, "--jobs", "1"))
            .ToList();
        Assert.All(results, r => Assert.True(r.ExitCode == 0 && r.Failed == 0, r.ToString()));
        Assert.Equal(60, results.Sum(r => r.Rendered));

        var gatherFolder = copies.Copy();
        var gather = DatasetCopies.Build(gatherFolder, "augment.yaml", null, "--require-cached", "--cache-dir", shared);
        Assert.True(gather.ExitCode == 0 && gather.Rendered == 0 && gather.Restored == 60, gather.ToString());
        var verify = DatasetCopies.Tool(gatherFolder, ["verify", "augment.yaml", "--cache-dir", shared]);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.DoesNotContain(Directory.EnumerateFiles(shared, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _server.Dispose();
        _data.Dispose();
    }

    /// <summary>What each scheduler sets in shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    internal static IReadOnlyDictionary<string, string?> SchedulerVariables(string scheduler, int index, int count) => scheduler switch
    {
        // An Indexed Job sets the index; the example manifest sets AUGMENT_SHARDS to the completions.
        "kubernetes" => new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = $"{index}", ["AUGMENT_SHARDS"] = $"{count}" },
        // sbatch --array=1-7:3 style: ids from 10 in steps of 5, to show that the min and the step are honoured.
        "slurm" => new Dictionary<string, string?>
        {
            ["SLURM_ARRAY_TASK_ID"] = $"{10 + (5 * index)}", ["SLURM_ARRAY_TASK_MIN"] = "10", ["SLURM_ARRAY_TASK_MAX"] = $"{10 + (5 * (count - 1))}",
            ["SLURM_ARRAY_TASK_STEP"] = "5", ["SLURM_ARRAY_TASK_COUNT"] = $"{count}",
        },
        "gitlab" => new Dictionary<string, string?> { ["CI_NODE_INDEX"] = $"{index + 1}", ["CI_NODE_TOTAL"] = $"{count}" },
        _ => throw new ArgumentException(scheduler),
    };

    private (DatasetCopies Copies, string Config, string Output) Dataset(string name)
    {
        if (name == "membrane")
        {
            _data.WriteConfig(variants: 2, pipeline: MembranePipeline);
            return (new DatasetCopies(_data.Root), "augment.yaml", "out");
        }

        var sample = Path.Combine(RepoPaths.Root, "sample-dataset");
        var output = name == "augment.yaml" ? "out/segmentation" : "out/classification";
        return (new DatasetCopies(sample), name, output);
    }
}
