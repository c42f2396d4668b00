namespace Augment.Core.Dataset;

/// <summary>
/// One source image, its masks and its label file (when the config names labels), by paths relative
/// to the config's folder with forward slashes.
/// <see cref="Dir"/> is the image's folder relative to its glob's base folder ("" at the top), for
/// the <c>{dir}</c> placeholder.
/// </summary>
public sealed record SourceItem(string Image, IReadOnlyList<string> Masks, string Dir, string? Labels = null)
{
    /// <summary>Every input file of the item: the image, its masks, its label file.</summary>
    public IReadOnlyList<string> Inputs => Labels is null ? [Image, .. Masks] : [Image, .. Masks, Labels];

    public string Stem => Path.GetFileNameWithoutExtension(Image);

    public string Extension => Path.GetExtension(Image);

    public bool Equals(SourceItem? other) =>
        other is not null && Image == other.Image && Dir == other.Dir && Labels == other.Labels && Masks.SequenceEqual(other.Masks);

    public override int GetHashCode() => Image.GetHashCode(StringComparison.Ordinal);
}
