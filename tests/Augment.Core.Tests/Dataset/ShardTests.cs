using Augment.Core.Dataset;

namespace Augment.Core.Tests.Dataset;

/// <summary>Issue 18's shards: a stable partition of sources by path, and the schedulers' variables.</summary>
public sealed class ShardTests
{
    private static readonly string[] Paths = Enumerable.Range(0, 10_000).Select(i => $"images/{i % 37}/img_{i:00000}.png").ToArray();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_source_falls_in_exactly_one_shard_and_shards_hold_equal_counts_within_a_few_percent(int count)
    {
        var shards = Enumerable.Range(0, count).Select(i => new Shard(i, count)).ToArray();
        var holders = Paths.Select(p => shards.Count(s => s.Holds(p))).ToArray();
        Assert.All(holders, h => Assert.Equal(1, h));

        var sizes = shards.Select(s => Paths.Count(s.Holds)).ToArray();
        var mean = (double)Paths.Length / count;
        Assert.All(sizes, n => Assert.InRange(n, mean * 0.95, mean * 1.05));
    }

    [Fact]
    public void Adding_sources_moves_no_other_source()
    {
        var shard = new Shard(1, 3);
        var before = Paths.Where(shard.Holds).ToHashSet();
        var more = Paths.Concat(Enumerable.Range(0, 500).Select(i => $"new/{i}.png")).ToArray();

        Assert.Equal(before, more.Where(shard.Holds).Where(p => !p.StartsWith("new/", StringComparison.Ordinal)).ToHashSet());
    }

    [Theory]
    [InlineData("0/3", 0, 3)]
    [InlineData("2/3", 2, 3)]
    [InlineData("0/1", 0, 1)]
    public void I_of_N_is_read(string text, int index, int count)
    {
        Assert.Equal(new Shard(index, count), Shard.Parse(text));
    }

    [Theory]
    [InlineData("3/3", "shard 3 is not one of 0 to 2")]
    [InlineData("1/0", "the number of shards is 0")]
    [InlineData("1-3", "is not I/N")]
    [InlineData("-1/3", "is not I/N")]
    public void A_shard_that_is_not_one_is_an_error(string text, string message)
    {
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => Shard.Parse(text)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JOB_COMPLETION_INDEX=2,AUGMENT_SHARDS=3", 2, 3)]
    [InlineData("SLURM_ARRAY_TASK_ID=11,SLURM_ARRAY_TASK_MIN=10,SLURM_ARRAY_TASK_COUNT=3", 1, 3)]
    [InlineData("SLURM_ARRAY_TASK_ID=5,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_MAX=7,SLURM_ARRAY_TASK_STEP=2,SLURM_ARRAY_TASK_COUNT=4", 2, 4)]
    [InlineData("CI_NODE_INDEX=1,CI_NODE_TOTAL=3", 0, 3)]
    [InlineData("CI_NODE_INDEX=3,CI_NODE_TOTAL=3", 2, 3)]
    public void The_schedulers_variables_name_the_shard(string variables, int index, int count)
    {
        Assert.Equal(new Shard(index, count), Shard.FromEnvironment(Variables(variables)));
    }

    [Fact]
    public void A_kubernetes_shard_count_can_come_from_the_command_line()
    {
        Assert.Equal(new Shard(4, 5), Shard.FromEnvironment(Variables("JOB_COMPLETION_INDEX=4"), count: 5));
    }

    [Theory]
    [InlineData("", "no scheduler's variables are set")]
    [InlineData("JOB_COMPLETION_INDEX=1,CI_NODE_INDEX=1,CI_NODE_TOTAL=2", "Kubernetes (JOB_COMPLETION_INDEX) and GitLab (CI_NODE_INDEX) are all set")]
    [InlineData("JOB_COMPLETION_INDEX=1", "pass --shards N or set AUGMENT_SHARDS")]
    [InlineData("SLURM_ARRAY_TASK_ID=3", "SLURM_ARRAY_TASK_MIN is not")]
    [InlineData("SLURM_ARRAY_TASK_ID=4,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_STEP=2,SLURM_ARRAY_TASK_COUNT=4", "not evenly stepped")]
    [InlineData("SLURM_ARRAY_TASK_ID=1,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_MAX=9,SLURM_ARRAY_TASK_COUNT=3", "not evenly stepped")]
    [InlineData("CI_NODE_INDEX=0,CI_NODE_TOTAL=3", "shard -1 is not one of 0 to 2")]
    [InlineData("CI_NODE_INDEX=x,CI_NODE_TOTAL=3", "CI_NODE_INDEX is 'x', not a whole number")]
    public void Variables_that_name_no_one_shard_are_an_error(string variables, string message)
    {
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => Shard.FromEnvironment(Variables(variables))).Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Variables(string text)
    {
        var map = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return name => map.GetValueOrDefault(name);
    }
}
