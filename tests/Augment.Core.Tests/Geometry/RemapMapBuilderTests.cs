using Augment.Core.Geometry;
using Augment.Core.Imaging;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// The remap map is built row by row, stage by stage over the row, vectors of doubles at a time
/// (<see cref="RemapMapBuilder"/>); every coordinate must be the float of the plain arithmetic,
/// <see cref="Matrix3x3.Apply"/> and <see cref="DisplacementField.At"/> applied pixel by pixel, at
/// every vector width.
/// </summary>
public sealed class RemapMapBuilderTests
{
    private static readonly VectorWidth[] Widths = [VectorWidth.Scalar, VectorWidth.Bits128, VectorWidth.Bits256];

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
            foreach (var vectors in Widths)
            {
                Assert.Equal(0, Differences(stages, outputWidth, height, vectors));
            }
        }
    }

    [Fact]
    public void Edge_values_give_the_managed_arithmetics_floats_at_every_width()
    {
        // Points at -0 (a field is then read with a weight of -0), at infinity and NaN (a
        // perspective's horizon: w = x - 5 is 0 in column 5), far outside the fields, fields with
        // signed zeros and large values, and rows narrower and wider than a vector.
        var random = new Random(17);
        var checkedPixels = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var (width, height) = (random.Next(1, 40), random.Next(1, 6));
            var own = EdgeField(new ImageSize(width, height), random);
            var other = EdgeField(new ImageSize(random.Next(1, 50), random.Next(1, 8)), random);
            var stages = new List<(Matrix3x3? Inverse, DisplacementField? Field)>();
            for (var i = random.Next(1, 5); i > 0; i--)
            {
                stages.Add(random.Next(8) switch
                {
                    0 => (null, own),
                    1 => (null, other),
                    2 => (new Matrix3x3(-1, -0.0, -0.0, -0.0, -1, -0.0, 0, 0, 1), null),
                    3 => (new Matrix3x3(1, 0, 0, 0, 1, 0, 1, 0, -5), null),
                    4 => (new Matrix3x3(1, 0, 1e12, 0, 1, -1e12, 0, 0, 1), null),
                    5 => (new Matrix3x3(-0.0, 0, -0.0, 0, -0.0, -0.0, 0, 0, 1), null),
                    6 => (new Matrix3x3(0.9, 0.2, -3, -0.2, 0.9, 2, 2e-3, -1e-3, 1), null),
                    _ => (new Matrix3x3(1.5, 0, -0.25, 0, 0.5, 0.75, 0, 0, 1), null),
                });
            }

            if (random.Next(3) == 0)
            {
                stages.Insert(0, (null, own));
            }

            var outputWidth = random.Next(2) == 0 ? width : width + random.Next(1, 9);
            foreach (var vectors in Widths)
            {
                Assert.Equal(0, Differences(stages, outputWidth, height, vectors));
            }

            checkedPixels += outputWidth * height;
        }

        Assert.True(checkedPixels > 3000, $"only {checkedPixels} pixels checked");
    }

    [Fact]
    public void A_first_field_with_infinities_is_read_at_the_pixels_the_same_way_at_every_width()
    {
        // Where the field is first and as large as the output the point is the pixel plus the grid
        // value (as the shim reads it), which for an infinite neighbour differs from At's 0 * inf.
        var size = new ImageSize(13, 3);
        float[] values = [.. Enumerable.Range(0, 39).Select(i => i % 5 == 0 ? float.PositiveInfinity : i % 7 == 0 ? float.NegativeInfinity : i * 0.25f)];
        var field = new DisplacementField(size, values, [.. values.Reverse()]);
        List<(Matrix3x3? Inverse, DisplacementField? Field)> stages = [(null, field), (new Matrix3x3(0.5, 0, 1, 0, 2, 0, 0, 0, 1), null)];
        var scalar = Map(stages, 13, 3, VectorWidth.Scalar);
        foreach (var vectors in new[] { VectorWidth.Bits128, VectorWidth.Bits256 })
        {
            var map = Map(stages, 13, 3, vectors);
            Assert.Equal(Bits(scalar.X), Bits(map.X));
            Assert.Equal(Bits(scalar.Y), Bits(map.Y));
        }

        Assert.Equal(float.PositiveInfinity, scalar.X[5]);
        Assert.Equal(18.5f, scalar.Y[1]);
    }

    [Fact]
    public unsafe void Strided_rows_and_spans_get_the_same_map()
    {
        var random = new Random(3);
        var field = Field(new ImageSize(21, 7), random, 4);
        List<(Matrix3x3? Inverse, DisplacementField? Field)> stages = [(new Matrix3x3(0.93, 0.11, 4.7, -0.11, 0.93, -3.2, 0, 0, 1), null), (null, field)];
        var (x, y) = (new float[21 * 7], new float[21 * 7]);
        RemapMapBuilder.Build(stages, 21, 7, x, y);

        const int Stride = 24;
        var (sx, sy) = (new float[Stride * 7], new float[Stride * 7]);
        fixed (float* px = sx)
        fixed (float* py = sy)
        {
            RemapMapBuilder.Build(stages, 21, 7, px, Stride * sizeof(float), py, Stride * sizeof(float));
        }

        for (var row = 0; row < 7; row++)
        {
            Assert.Equal(Bits(x.AsSpan(row * 21, 21).ToArray()), Bits(sx.AsSpan(row * Stride, 21).ToArray()));
            Assert.Equal(Bits(y.AsSpan(row * 21, 21).ToArray()), Bits(sy.AsSpan(row * Stride, 21).ToArray()));
        }
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var field = new DisplacementField(new ImageSize(2, 2), new float[4], new float[4]);
        List<(Matrix3x3? Inverse, DisplacementField? Field)> stages = [(null, field)];
        Assert.Throws<ArgumentException>(() => new RemapMapBuilder([], 2, 2));
        Assert.Throws<ArgumentException>(() => new RemapMapBuilder([(null, null)], 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RemapMapBuilder(stages, 0, 2));
        var builder = new RemapMapBuilder(stages, 2, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.BuildRow(2, new float[2], new float[2]));
        Assert.Throws<ArgumentException>(() => builder.BuildRow(0, new float[1], new float[2]));
        builder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => builder.BuildRow(0, new float[2], new float[2]));
    }

    private static int Differences(List<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height, VectorWidth vectors)
    {
        var (x, y) = Map(stages, width, height, vectors);
        var differences = 0;
        for (var py = 0; py < height; py++)
        {
            for (var px = 0; px < width; px++)
            {
                var (ex, ey) = Managed(stages, px, py);
                var at = (py * width) + px;
                differences += BitConverter.SingleToInt32Bits(ex) == BitConverter.SingleToInt32Bits(x[at])
                               && BitConverter.SingleToInt32Bits(ey) == BitConverter.SingleToInt32Bits(y[at]) ? 0 : 1;
            }
        }

        return differences;
    }

    private static (float[] X, float[] Y) Map(List<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height, VectorWidth vectors)
    {
        var (x, y) = (new float[width * height], new float[width * height]);
        using var builder = new RemapMapBuilder(stages, width, height, vectors);
        builder.BuildAll(x, y);
        return (x, y);
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

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

    private static DisplacementField EdgeField(ImageSize size, Random random)
    {
        float[] edges = [0f, -0f, 1e30f, -1e30f, 3.5f, -2.25f, 1e-40f];
        float Value() => random.Next(3) == 0 ? edges[random.Next(edges.Length)] : (float)((random.NextDouble() - 0.5) * 8);
        var count = size.Width * size.Height;
        return new DisplacementField(size, [.. Enumerable.Range(0, count).Select(_ => Value())], [.. Enumerable.Range(0, count).Select(_ => Value())]);
    }
}
