namespace Augment.Core.Geometry;

public readonly record struct ImageSize(int Width, int Height)
{
    /// <summary>The centre of the pixel grid, ((w - 1) / 2, (h - 1) / 2), which rotations turn about.</summary>
    public (double X, double Y) Centre => ((Width - 1) / 2.0, (Height - 1) / 2.0);

    public override string ToString() => $"{Width}x{Height}";
}
