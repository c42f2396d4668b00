namespace Augment.Core.Labels;

/// <summary>
/// A keypoint of an object, in the same pixel-edge coordinates as its box (COCO's and YOLO-pose's
/// frame: a point at the centre of pixel i is i + 0.5). <see cref="Visibility"/> is COCO's <c>v</c>:
/// 0 not labelled (its coordinates mean nothing), 1 labelled but hidden, 2 visible. A keypoint that an
/// item loses (it left the frame under <c>remove_invisible</c>) becomes (0, 0, 0), as both formats write one.
/// </summary>
public readonly record struct Keypoint(double X, double Y, int Visibility)
{
    public static Keypoint Unlabelled { get; } = new(0, 0, 0);

    public bool IsLabelled => Visibility > 0;

    /// <summary>Inside the closed frame [0, W] x [0, H]: in this frame a flip maps x to W - x, so both edges are the image's.</summary>
    public bool IsInside(int width, int height) => X >= 0 && X <= width && Y >= 0 && Y <= height;
}

/// <summary>
/// <c>keypoint_params</c> (Albumentations' names): the format (<c>xy</c>: the label formats hold x and y
/// only), <c>remove_invisible</c> (a keypoint that leaves the frame is lost; one outside the source
/// image is an error), and, for YOLO-pose files, <c>kpt_shape</c> (Ultralytics' name: keypoints per
/// object and 2 or 3 values each).
/// </summary>
public sealed record KeypointParams(string Format = "xy", bool RemoveInvisible = true, int Count = 0, int Dims = 3)
{
    public string Canonical => FormattableString.Invariant($"kp_format={Format};remove_invisible={RemoveInvisible};kpt_shape={Count}x{Dims}");
}
