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
}
