namespace Augment.Core.Dataset;

/// <summary>What happens to one output item in a build.</summary>
public enum ItemAction
{
    UpToDate,
    Restore,
    Render,
    Failed,
}

/// <summary>Why an item is rendered or restored (`plan` shows it).</summary>
public enum ItemReason
{
    None,
    New,
    InputChanged,
    ConfigChanged,
    ToolChanged,
    OutputMissing,
    OutputModified,
    NotCached,
    Forced,
}

public sealed record PlannedItem(string Image, int Variant, string Source, ItemAction Action, ItemReason Reason);

/// <summary>A failed item's file, what is wrong with it, and its code (<see cref="BuildErrorCode"/>).</summary>
/// <param name="Line">The line of <paramref name="File"/> the error is on (1-based), or 0 for the whole file.</param>
public sealed record BuildError(string Code, string File, string Message, int Line = 0);

/// <summary>The outcome of a build (or, for a dry run, of its plan).</summary>
public sealed record BuildReport(
    string OutputDir,
    IReadOnlyList<PlannedItem> Items,
    int Rendered,
    int Restored,
    int UpToDate,
    int Removed,
    IReadOnlyList<BuildError> Errors,
    int SourcesHashed,
    int Failed)
{
    /// <summary>The shard this build was (it wrote only the cache), or null.</summary>
    public Shard? Shard { get; init; }

    /// <summary>The local cache folder.</summary>
    public string? CacheDir { get; init; }

    /// <summary>The shared cache's URL, without credentials, or null.</summary>
    public string? CacheUrl { get; init; }

    /// <summary>Items fetched from the shared cache (restored or, for a shard, found there).</summary>
    public int Fetched { get; init; }

    /// <summary>Items uploaded to the shared cache.</summary>
    public int Uploaded { get; init; }

    /// <summary>The SHA-256 of the key-record pack a shard uploaded, or null.</summary>
    public string? Pack { get; init; }

    /// <summary>What did not fail the build but should be read: the shared cache down, a corrupt object.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Items built this time: rendered or restored from the cache.</summary>
    public int Built => Rendered + Restored;
}
