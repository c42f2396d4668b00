using Augment.Core.Imaging;
using Augment.Core.Ops;

namespace Augment.Core.Config;

/// <summary>The validated contents of augment.yaml (or augment.json); PRODUCT.md section 3.</summary>
public sealed record AugmentConfig
{
    /// <summary>The config file; every relative path in it is relative to its folder.</summary>
    public required string FilePath { get; init; }

    public required int Version { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Globs (with **) matching the source images.</summary>
    public required IReadOnlyList<string> Images { get; init; }

    /// <summary>Templates naming each image's masks ("masks/{stem}.png"), zero or more.</summary>
    public required IReadOnlyList<PathTemplate> Masks { get; init; }

    public required int Variants { get; init; }

    public required string OutputDir { get; init; }

    public required PathTemplate OutputImages { get; init; }

    public required PathTemplate OutputMasks { get; init; }

    public required OutputFormat OutputFormat { get; init; }

    /// <summary>The label for mask pixels that come from outside the source.</summary>
    public required int MaskFill { get; init; }

    /// <summary>The label files and their settings; null when the config names none (images and masks only).</summary>
    public LabelSettings? Labels { get; init; }

    public required ImageLimits Limits { get; init; }

    public required IReadOnlyList<IOp> Pipeline { get; init; }

    public string Directory => Path.GetDirectoryName(Path.GetFullPath(FilePath))!;

    /// <summary>The pipeline with every default resolved, as compact JSON: what cache keys hash.</summary>
    public string CanonicalPipeline => PipelineBinder.CanonicalText(Pipeline);
}
