namespace Augment.Core.Dataset;

/// <summary>How a build runs. Everything an adapter (CLI, MSBuild) can set.</summary>
public sealed record BuildOptions
{
    /// <summary>Sources rendered at once; each decodes its source once for all its variants.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The content cache; null: AUGMENT_CACHE_DIR, else the output's .augment/cache.</summary>
    public string? CacheDir { get; init; }

    /// <summary>The output folder instead of the config's output.dir (relative to the current folder).</summary>
    public string? OutputDir { get; init; }

    /// <summary>Render every item, whatever the cache holds.</summary>
    public bool Force { get; init; }

    /// <summary>Wait for another build's lock (false: fail with <see cref="OutputLockedException"/>).</summary>
    public bool WaitForLock { get; init; } = true;

    /// <summary>Decide what would be done and why, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Build only this shard's items, into the cache only: no output folder, no manifest (docs/distributed.md).</summary>
    public Shard? Shard { get; init; }

    /// <summary>Render nothing: an item that neither cache holds fails (a gather's proof that the shards did the work).</summary>
    public bool RequireCached { get; init; }

    /// <summary>A shared HTTP cache (Bazel's remote-cache protocol) behind the local one; null: none.</summary>
    public string? CacheUrl { get; init; }

    /// <summary>The bearer token for <see cref="CacheUrl"/> (AUGMENT_CACHE_TOKEN).</summary>
    public string? CacheToken { get; init; }

    /// <summary>Fail the build when the shared cache cannot be used, instead of one warning and local work.</summary>
    public bool CacheRequired { get; init; }

    public IBuildObserver? Observer { get; init; }

    public CancellationToken Cancellation { get; init; }
}

/// <summary>Hears of a build's progress (a progress bar, MSBuild messages).</summary>
public interface IBuildObserver
{
    /// <summary>What the plan found; <paramref name="failed"/> items failed already (a source missing), and are finished too.</summary>
    void Planned(int toRender, int toRestore, int upToDate, int failed);

    void ItemFinished(string image, ItemAction action, string? error);

    void WaitingForLock(string lockPath);

    /// <summary><paramref name="done"/> of <paramref name="total"/> items looked up in the shared cache.</summary>
    void Fetched(int done, int total)
    {
    }
}
