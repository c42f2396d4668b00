namespace Augment.Core.Dataset;

/// <summary>
/// One output item: a source and variant, and the files it produces, relative to the output folder
/// with forward slashes.
/// </summary>
public sealed record OutputItem(SourceItem Source, int Variant, string Image, IReadOnlyList<string> Masks)
{
    public bool Equals(OutputItem? other) =>
        other is not null && Source == other.Source && Variant == other.Variant && Image == other.Image && Masks.SequenceEqual(other.Masks);

    public override int GetHashCode() => Image.GetHashCode(StringComparison.Ordinal);
}
