using Augment.Core.Cache;

namespace Augment.Core.Dataset;

/// <summary>The decision for one output item, with what the decision was made from.</summary>
internal sealed record ItemPlan(
    OutputItem Output,
    ItemAction Action,
    ItemReason Reason,
    string? Key,
    KeyRecord? Cached,
    IReadOnlyDictionary<string, string> SourceSha256,
    BuildError? Error);
