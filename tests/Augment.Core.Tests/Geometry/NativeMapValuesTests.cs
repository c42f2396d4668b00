using Augment.Core.Geometry;
using Augment.Core.OpenCv;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// The shim builds a run's per-pixel map row by row, two doubles at a time where it can
/// (aug_map_build); every coordinate must be the float of the managed arithmetic it replaced,
/// <see cref="Matrix3x3.Apply"/> and <see cref="DisplacementField.At"/> applied pixel by pixel.
/// </summary>
public sealed class NativeMapValuesTests
{
    public static TheoryData<int, int, string> Cases()
    {
        var data = new TheoryData<int, int, string>();
        foreach (var (w, h) in new[] { (1, 1), (3, 2), (5, 4), (7, 3), (33, 9), (130, 17), (512, 24) })
        {
            foreach (var stages in new[] { "field", "field affine", "affine field", "field perspective", "field affine field2 flip", "perspective field affine" })
            {
                data.Add(w, h, stages);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_coordinate_is_the_managed_arithmetics_float(int width, int height, string names)
    {
        var random = new Random((width * 1000) + height);
        var size = new ImageSize(width, height);
        var field = Field(size, random, 6);
        var field2 = Field(new ImageSize(width + 3, height + 2), random, 2);
        var stages = names.Split(' ').Select(name => name switch
        {
            "field" => ((Matrix3x3?)null, (DisplacementField?)field),
            "field2" => (null, field2),
            "affine" => (new Matrix3x3(0.93, 0.11, 4.7, -0.11, 0.93, -3.2, 0, 0, 1), null),
            "perspective" => (new Matrix3x3(0.93, 0.11, 4.7, -0.11, 0.93, -3.2, 1e-3, -2e-3, 1), null),
            "flip" => (new Matrix3x3(-1, 0, width - 1, 0, 1, 0, 0, 0, 1), null),
            _ => throw new ArgumentException(name),
        }).ToList();

        // The output as large as the field (the field read at the output's own pixels when it comes
        // first) and wider than it (read between grid points and clamped).
        foreach (var outputWidth in new[] { width, width + 5 })
        {
            var (x, y) = (new float[outputWidth * height], new float[outputWidth * height]);
            using (var map = NativeMap.Build(stages, outputWidth, height))
            {
                map.TestValues(x, y);
            }

            var differences = 0;
            for (var py = 0; py < height; py++)
            {
                for (var px = 0; px < outputWidth; px++)
                {
                    var (ex, ey) = Managed(stages, px, py);
                    var at = (py * outputWidth) + px;
                    differences += BitConverter.SingleToInt32Bits(ex) == BitConverter.SingleToInt32Bits(x[at])
                                   && BitConverter.SingleToInt32Bits(ey) == BitConverter.SingleToInt32Bits(y[at]) ? 0 : 1;
                }
            }

            Assert.Equal(0, differences);
        }
    }

    private static (float X, float Y) Managed(List<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int x, int y)
    {
        var (px, py) = ((double)x, (double)y);
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

        return ((float)px, (float)py);
    }

    private static DisplacementField Field(ImageSize size, Random random, double scale)
    {
        var count = size.Width * size.Height;
        var dx = Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * scale)).ToArray();
        var dy = Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * scale)).ToArray();
        return new DisplacementField(size, dx, dy);
    }
}
