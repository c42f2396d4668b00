using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Ops;

/// <summary>
/// GaussNoise on gray images runs eight pixels at a time in the shim; it must give the scalar code's
/// pixels and leave the field stream where the scalar code leaves it (aug_test_gauss_noise).
/// </summary>
public sealed class GaussNoiseRowsTests
{
    [Theory]
    [InlineData(8, 1)]
    [InlineData(8, 7)]
    [InlineData(8, 8)]
    [InlineData(8, 9)]
    [InlineData(8, 17)]
    [InlineData(8, 131)]
    [InlineData(16, 1)]
    [InlineData(16, 15)]
    [InlineData(16, 64)]
    [InlineData(16, 131)]
    public void Gray_rows_give_the_scalar_pixels_and_stream(int depthBits, int width)
    {
        foreach (var (mean, sd) in new[] { (0.0, 0.05), (0.2, 0.3), (-0.7, 0.01), (0.0, 2.5), (3.0, 1e6), (0.0, 0.0) })
        {
            using var vectorised = SyntheticImages.Random(width, 23, depthBits, 1, seed: width);
            using var scalar = SyntheticImages.Random(width, 23, depthBits, 1, seed: width);
            var original = Pixels(scalar);
            ulong[] a = [11, 22, 33, 44];
            ulong[] b = [11, 22, 33, 44];

            vectorised.Native.TestGaussNoise(a, mean, sd, perChannel: false, vectorise: true);
            scalar.Native.TestGaussNoise(b, mean, sd, perChannel: false, vectorise: false);

            Assert.Equal(Pixels(scalar), Pixels(vectorised));
            Assert.Equal(b, a);
            Assert.NotEqual(new ulong[] { 11, 22, 33, 44 }, a);
            if (sd >= 1)
            {
                // Most values pushed beyond either end: both clamps are exercised.
                var max = (1 << depthBits) - 1;
                var values = Samples(scalar, depthBits);
                Assert.Contains(0, values);
                Assert.Contains(max, values);
            }
            else if (sd > 0)
            {
                Assert.NotEqual(original, Pixels(scalar));
            }
        }
    }

    [Theory]
    [InlineData(8, 0.5)]
    [InlineData(8, 2.5)]
    [InlineData(8, -1.5)]
    [InlineData(16, 0.5)]
    [InlineData(16, -0.5)]
    [InlineData(16, -3.5)]
    public void Deltas_of_exact_halves_round_away_from_zero(int depthBits, double delta)
    {
        // sd 0: every delta is mean * max, here exactly delta, so every v + delta ends in .5.
        var max = (1 << depthBits) - 1;
        using var image = SyntheticImages.Random(67, 11, depthBits, 1, seed: 5);
        var before = Samples(image, depthBits);
        ulong[] state = [1, 2, 3, 4];

        image.Native.TestGaussNoise(state, delta / max, 0, perChannel: false, vectorise: true);

        var whole = (int)Math.Truncate(delta);
        var expected = before.Select(v => delta > 0 ? Math.Min(v + whole + 1, max) : (v > -whole ? v + whole : 0)).ToArray();
        Assert.Equal(expected, Samples(image, depthBits));
    }

    private static byte[] Pixels(Core.Imaging.ImageBuffer image) =>
        Enumerable.Range(0, image.Height).SelectMany(y => image.Row(y).ToArray()).ToArray();

    private static int[] Samples(Core.Imaging.ImageBuffer image, int depthBits)
    {
        var bytes = Pixels(image);
        return depthBits == 8
            ? bytes.Select(v => (int)v).ToArray()
            : Enumerable.Range(0, bytes.Length / 2).Select(i => (int)BitConverter.ToUInt16(bytes, 2 * i)).ToArray();
    }
}
