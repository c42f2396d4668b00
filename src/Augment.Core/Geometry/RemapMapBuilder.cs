namespace Augment.Core.Geometry;

/// <summary>
/// Builds the rows of a run's per-pixel remap map: each output pixel goes through the stages in
/// order, <see cref="Matrix3x3.Apply"/> or adding <see cref="DisplacementField.At"/>, in doubles, and
/// is stored as floats.
/// </summary>
internal sealed class RemapMapBuilder(IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width)
{
    public void BuildRow(int y, Span<float> mapX, Span<float> mapY)
    {
        for (var x = 0; x < width; x++)
        {
            double px = x;
            double py = y;
            foreach (var (inverse, field) in stages)
            {
                if (inverse is { } m)
                {
                    (px, py) = m.Apply(px, py);
                }
                else
                {
                    var (dx, dy) = field!.At(px, py);
                    (px, py) = (px + dx, py + dy);
                }
            }

            mapX[x] = (float)px;
            mapY[x] = (float)py;
        }
    }
}
