namespace Augment.Core.Dataset;

/// <summary>
/// One output item: a source and variant, and the files it produces (image, masks, label file),
/// relative to the output folder with forward slashes.
/// </summary>
public sealed record OutputItem(SourceItem Source, int Variant, string Image, IReadOnlyList<string> Masks, string? Labels = null)
{
    /// <summary>Every file of the item, in the order of <see cref="Cache.KeyRecord.Objects"/>.</summary>
    public IReadOnlyList<string> Files => Labels is null ? [Image, .. Masks] : [Image, .. Masks, Labels];

    public bool Equals(OutputItem? other) =>
        other is not null && Source == other.Source && Variant == other.Variant && Image == other.Image && Labels == other.Labels && Masks.SequenceEqual(other.Masks);

    public override int GetHashCode() => Image.GetHashCode(StringComparison.Ordinal);
}
