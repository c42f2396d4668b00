namespace Augment.Core.Geometry;

/// <summary>
/// Where a point of the input goes through a displacement field. The field maps the other way
/// (output pixel p samples the input at p + d(p)), so the output point is the solution of
/// p + d(p) = q, found by Newton's method on the bilinear field (its exact Jacobian per cell), from
/// p = q - d(q). Sub-pixel: it stops when the residual is under <see cref="Tolerance"/> pixels. A
/// field that folds has several solutions or none near the start: the point found is one of them, and
/// <c>Converged</c> is false when none was found.
/// </summary>
public static class FieldInverse
{
    public const double Tolerance = 1e-6;
    private const int MaxIterations = 50;

    public static ((double X, double Y) Point, bool Converged) Solve(DisplacementField field, double qx, double qy)
    {
        var (dx, dy) = field.At(qx, qy);
        var (px, py) = (qx - dx, qy - dy);
        for (var i = 0; i < MaxIterations; i++)
        {
            (dx, dy) = field.At(px, py);
            var (rx, ry) = (px + dx - qx, py + dy - qy);
            if ((rx * rx) + (ry * ry) < Tolerance * Tolerance)
            {
                return ((px, py), true);
            }

            var (j00, j01, j10, j11) = Jacobian(field, px, py);
            var det = (j00 * j11) - (j01 * j10);
            if (Math.Abs(det) < 1e-9)
            {
                // A fold of the field: a damped fixed-point step instead of Newton's.
                (px, py) = (px - (0.5 * rx), py - (0.5 * ry));
                continue;
            }

            (px, py) = (px - (((j11 * rx) - (j01 * ry)) / det), py - (((j00 * ry) - (j10 * rx)) / det));
        }

        var (ex, ey) = field.At(px, py);
        var (fx, fy) = (px + ex - qx, py + ey - qy);
        return ((px, py), (fx * fx) + (fy * fy) < Tolerance * Tolerance);
    }

    // d/dp of p + d(p) on the bilinear cell that holds p; outside the grid the field is constant.
    private static (double J00, double J01, double J10, double J11) Jacobian(DisplacementField field, double x, double y)
    {
        var (w, h) = (field.Size.Width, field.Size.Height);
        var inX = x > 0 && x < w - 1;
        var inY = y > 0 && y < h - 1;
        var x0 = Math.Clamp((int)Math.Floor(x), 0, Math.Max(0, w - 2));
        var y0 = Math.Clamp((int)Math.Floor(y), 0, Math.Max(0, h - 2));
        var (x1, y1) = (Math.Min(x0 + 1, w - 1), Math.Min(y0 + 1, h - 1));
        var fx = Math.Clamp(x - x0, 0, 1);
        var fy = Math.Clamp(y - y0, 0, 1);
        double DerX(float[] v) => inX ? ((v[(y0 * w) + x1] - v[(y0 * w) + x0]) * (1 - fy)) + ((v[(y1 * w) + x1] - v[(y1 * w) + x0]) * fy) : 0;
        double DerY(float[] v) => inY ? ((v[(y1 * w) + x0] - v[(y0 * w) + x0]) * (1 - fx)) + ((v[(y1 * w) + x1] - v[(y0 * w) + x1]) * fx) : 0;
        return (1 + DerX(field.Dx), DerY(field.Dx), DerX(field.Dy), 1 + DerY(field.Dy));
    }
}
