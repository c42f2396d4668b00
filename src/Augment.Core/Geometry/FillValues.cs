namespace Augment.Core.Geometry;

/// <summary>
/// Fill values as the config gives them, in R, G, B, A order (Albumentations' images are RGB), made
/// into the four values OpenCV takes for an image in this project's B, G, R, A order.
/// </summary>
public static class FillValues
{
    public static double[] ForImage(IReadOnlyList<double> rgba, int channels)
    {
        double[] four = rgba.Count == 1 ? [rgba[0], rgba[0], rgba[0], rgba[0]] : [.. rgba, .. Enumerable.Repeat(0.0, 4 - rgba.Count)];
        if (channels >= 3)
        {
            (four[0], four[2]) = (four[2], four[0]);
        }

        return four;
    }
}
