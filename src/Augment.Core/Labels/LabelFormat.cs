namespace Augment.Core.Labels;

/// <summary>The output image a label file describes: its file name (relative to the output folder), size and channels.</summary>
public sealed record LabelTarget(string ImageFile, int Width, int Height, int Channels);

/// <summary>
/// A per-image label file format (docs/labels.md): read into pixel-edge boxes of the source image,
/// with the file's line for every box and error; written for an output image, in the source's order.
/// </summary>
public abstract class LabelFormat
{
    /// <summary>Albumentations' name of the format (<c>bbox_params.format</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The extension of its files, with the dot.</summary>
    public abstract string Extension { get; }

    /// <summary>Every format, by <see cref="Name"/>.</summary>
    public static IReadOnlyList<LabelFormat> All { get; } = [YoloLabels.Instance, VocLabels.Instance];

    public static LabelFormat Named(string name) => All.First(f => f.Name == name);

    public abstract (List<LabeledBox> Boxes, List<BoxFate> Invalid) Read(string text, string path, int width, int height, BoxParams settings);

    public abstract byte[] Write(IEnumerable<LabeledBox> boxes, LabelTarget target);
}
