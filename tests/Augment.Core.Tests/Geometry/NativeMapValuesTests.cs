using Augment.Core.Geometry;
using Augment.Core.OpenCv;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// <see cref="NativeMap"/> builds its map straight into OpenCV's float Mats through the builder's
/// pointer-and-stride entry; what the Mats hold must be exactly what the builder writes into plain
/// arrays (<see cref="RemapMapBuilderTests"/> checks those against the managed arithmetic), also
/// when a spare map of the same size is reused.
/// </summary>
public sealed class NativeMapValuesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(130, 17)]
    [InlineData(512, 24)]
    public void The_mats_hold_the_builders_floats_and_a_reused_map_is_rebuilt(int width, int height)
    {
        var random = new Random((width * 1000) + height);
        var size = new ImageSize(width, height);
        var count = width * height;
        var field = new DisplacementField(
            size,
            Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * 6)).ToArray(),
            Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * 6)).ToArray());
        var affine = new Matrix3x3(0.93, 0.11, 4.7, -0.11, 0.93, -3.2, 0, 0, 1);
        List<(Matrix3x3?, DisplacementField?)>[] runs =
        [
            [(null, field), (affine, null)],
            [(affine, null), (null, field)],
        ];

        foreach (var stages in runs)
        {
            var (ex, ey) = (new float[count], new float[count]);
            RemapMapBuilder.Build(stages, width, height, ex, ey);
            var (x, y) = (new float[count], new float[count]);
            using (var map = NativeMap.Build(stages, width, height))
            {
                map.TestValues(x, y);
            }

            Assert.Equal(ex, x);
            Assert.Equal(ey, y);
        }
    }
}
