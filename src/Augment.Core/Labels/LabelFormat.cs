namespace Augment.Core.Labels;

/// <summary>The output image a label file describes: its file name (relative to the output folder), size and channels.</summary>
/// <param name="KeypointDims">Values per keypoint a YOLO-pose line has (kpt_shape[1]: 2 or 3).</param>
public sealed record LabelTarget(string ImageFile, int Width, int Height, int Channels, int KeypointDims = 3);

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

    /// <param name="keypoints">When given, each object's keypoints are read too (formats that hold them).</param>
    public abstract (List<LabeledBox> Boxes, List<BoxFate> Invalid) Read(string text, string path, int width, int height, BoxParams settings, KeypointParams? keypoints = null);

    public abstract byte[] Write(IEnumerable<LabeledBox> boxes, LabelTarget target);
}
