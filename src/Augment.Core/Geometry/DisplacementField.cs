namespace Augment.Core.Geometry;

/// <summary>
/// Per-pixel displacements on a grid of <see cref="Size"/>: at pixel (x, y), (Dx, Dy)[y * Width + x].
/// Between grid points, a displacement is interpolated bilinearly; outside, the nearest edge value is used.
/// </summary>
public sealed class DisplacementField
{
    public DisplacementField(ImageSize size, float[] dx, float[] dy)
    {
        var count = size.Width * size.Height;
        if (dx.Length != count || dy.Length != count)
        {
            throw new ArgumentException($"a {size} field needs {count} values per axis");
        }

        Size = size;
        Dx = dx;
        Dy = dy;
    }

    public ImageSize Size { get; }

    public float[] Dx { get; }

    public float[] Dy { get; }

    /// <summary>The displacement at a point of the grid, bilinearly interpolated.</summary>
    public (double X, double Y) At(double x, double y)
    {
        var w = Size.Width;
        var h = Size.Height;
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        var x0 = Math.Min((int)x, w - 1);
        var y0 = Math.Min((int)y, h - 1);
        var x1 = Math.Min(x0 + 1, w - 1);
        var y1 = Math.Min(y0 + 1, h - 1);
        var fx = x - x0;
        var fy = y - y0;
        return (Lerp2(Dx, w, x0, y0, x1, y1, fx, fy), Lerp2(Dy, w, x0, y0, x1, y1, fx, fy));
    }

    private static double Lerp2(float[] v, int w, int x0, int y0, int x1, int y1, double fx, double fy)
    {
        var top = v[(y0 * w) + x0] + ((v[(y0 * w) + x1] - v[(y0 * w) + x0]) * fx);
        var bottom = v[(y1 * w) + x0] + ((v[(y1 * w) + x1] - v[(y1 * w) + x0]) * fx);
        return top + ((bottom - top) * fy);
    }
}
