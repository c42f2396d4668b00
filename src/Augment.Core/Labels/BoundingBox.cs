namespace Augment.Core.Labels;

/// <summary>
/// A box in pixel-edge coordinates of its image: pixel column i covers [i, i + 1), so a box over the
/// whole of a W x H image is (0, 0, W, H), as Albumentations' <c>pascal_voc</c> format has it. The
/// engine's matrices map pixel centres (pixel i at coordinate i); <see cref="BoxGeometry"/> converts.
/// </summary>
public readonly record struct BoundingBox(double XMin, double YMin, double XMax, double YMax)
{
    public double Width => XMax - XMin;

    public double Height => YMax - YMin;

    public double Area => Width > 0 && Height > 0 ? Width * Height : 0;

    /// <summary>The box cut to a W x H image (it may come out empty: zero width or height).</summary>
    public BoundingBox ClipTo(int width, int height)
    {
        var x0 = Math.Clamp(XMin, 0, width);
        var y0 = Math.Clamp(YMin, 0, height);
        return new BoundingBox(x0, y0, Math.Max(x0, Math.Clamp(XMax, 0, width)), Math.Max(y0, Math.Clamp(YMax, 0, height)));
    }

    public bool IsInside(int width, int height) => XMin >= 0 && YMin >= 0 && XMax <= width && YMax <= height;
}

/// <summary>
/// One object of an item: its box, its class as the label file writes it (a YOLO class id, a VOC
/// name), and where it came from (<see cref="Index"/>: its position among the source's objects;
/// <see cref="Line"/>: its line in the label file, for messages and the manifest).
/// <see cref="Attributes"/> are the format's other fields of the object (VOC's <c>pose</c>,
/// <c>truncated</c>, <c>difficult</c>), written back unchanged. <see cref="Keypoints"/> are the object's
/// keypoints when the config reads them (<c>keypoint_params</c>), in the file's order.
/// </summary>
public sealed record LabeledBox(
    int Index, string Class, BoundingBox Box, int Line, IReadOnlyList<KeyValuePair<string, string>>? Attributes = null, IReadOnlyList<Keypoint>? Keypoints = null);
