using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Augment.Core.Geometry;

namespace Augment.Core.Tests.Geometry;

/// <summary>
/// <see cref="FieldBlur"/>, the managed Gaussian blur of ElasticTransform's displacement fields: its
/// bits must not depend on the CPU, so every lane width (and the forced scalar path) must give the
/// bits of the plain per-pixel loop below, and the kernel must be OpenCV's float kernel.
/// </summary>
public sealed class FieldBlurTests
{
    private static readonly FieldBlurLanes[] AllLanes =
        [FieldBlurLanes.Widest, FieldBlurLanes.Scalar, FieldBlurLanes.Vector128, FieldBlurLanes.Vector256, FieldBlurLanes.Vector512];

    public static TheoryData<int, int, double> Sizes() => new()
    {
        { 1, 1, 4 }, { 1, 1, 50 }, { 2, 2, 4 }, { 2, 3, 50 },
        { 1, 40, 4 }, { 40, 1, 4 }, { 1, 300, 50 }, { 300, 1, 50 },
        { 5, 3, 4 }, { 20, 13, 50 }, { 33, 7, 4 },                   // smaller than the kernel (33, 401 taps)
        { 37, 41, 0.3 }, { 64, 9, 0.7 }, { 100, 3, 1 }, { 31, 17, 2.5 }, { 67, 45, 10 },
        { 9, 70, 0.05 },                                              // one tap: unchanged
        { 513, 257, 4 }, { 513, 257, 50 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_lane_width_gives_the_bits_of_the_per_pixel_loop(int width, int height, double sigma)
    {
        var input = Uniform(width * height, (ulong)((width * 1000) + height));
        var expected = Reference(input, width, height, FieldBlur.KernelHalf(sigma));
        foreach (var lanes in AllLanes)
        {
            var field = (float[])input.Clone();
            FieldBlur.GaussianBlur(field, width, height, sigma, lanes);
            Assert.True(Differences(expected, field) == 0, $"{lanes}: {Differences(expected, field)} of {field.Length} values differ from the per-pixel loop");
        }
    }

    [Theory]
    [InlineData(513, 257, 4.0)]
    [InlineData(257, 513, 50.0)]
    [InlineData(7, 300, 1.3)]
    public void The_vector_path_forced_off_gives_the_same_bits(int width, int height, double sigma)
    {
        var input = Uniform(width * height, 77);
        var vector = (float[])input.Clone();
        var scalar = (float[])input.Clone();
        FieldBlur.GaussianBlur(vector, width, height, sigma);
        FieldBlur.GaussianBlur(scalar, width, height, sigma, FieldBlurLanes.Scalar);
        Assert.Equal(0, Differences(scalar, vector));
        Assert.NotEqual(0, Differences(input, vector)); // it did blur
    }

    // The output bits for fixed input, whatever the CPU: a change here changes every elastic image.
    [Theory]
    [InlineData(97, 61, 3.3, "e8bc296395e3d55bd3eb3a6ff7d3193aa97ec4a48ef96b29f035c2d4cf32a261")]
    [InlineData(130, 70, 50.0, "eb76ad5b6ac7403c9297e67b2c6e6401e605157f4d7083a44da3249e2b89c04c")]
    public void The_output_bits_are_pinned(int width, int height, double sigma, string sha256)
    {
        var field = Uniform(width * height, 2024);
        FieldBlur.GaussianBlur(field, width, height, sigma);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(field.AsSpan()))));
    }

    // An impulse comes out as the outer product of the kernel with itself, exactly: each pass adds
    // one non-zero product to zeros, so this pins both passes' indexing and their order.
    [Fact]
    public void An_impulse_becomes_the_kernel_times_itself()
    {
        const int size = 41;
        const int centre = 20;
        var half = FieldBlur.KernelHalf(2); // 17 taps
        var field = new float[size * size];
        field[(centre * size) + centre] = 1;
        FieldBlur.GaussianBlur(field, size, size, 2);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var (dx, dy) = (Math.Abs(x - centre), Math.Abs(y - centre));
                var expected = dx < half.Length && dy < half.Length ? half[dy] * half[dx] : 0f;
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(field[(y * size) + x]));
            }
        }
    }

    [Theory]
    [InlineData(50, 40, 4.0)]
    [InlineData(50, 40, 50.0)]
    [InlineData(513, 257, 50.0)]
    [InlineData(3, 1, 50.0)]
    public void A_constant_field_stays_constant(int width, int height, double sigma)
    {
        const float value = 0.37f;
        var field = Enumerable.Repeat(value, width * height).ToArray();
        FieldBlur.GaussianBlur(field, width, height, sigma);
        var worst = field.Max(v => Math.Abs(v - value)) / value;
        Assert.True(worst < 4e-6, $"a constant field moved by {worst:E2} of its value");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(50.0)]
    [InlineData(300.0)]
    public void The_kernel_sums_to_one_and_falls_away_from_the_centre(double sigma)
    {
        var half = FieldBlur.KernelHalf(sigma);
        Assert.Equal(FieldBlur.KernelSize(sigma), (2 * half.Length) - 1);
        var sum = (double)half[0];
        for (var j = 1; j < half.Length; j++)
        {
            sum += 2.0 * half[j];
            Assert.True(half[j] < half[j - 1], $"tap {j} is not below tap {j - 1}");
        }

        Assert.True(Math.Abs(sum - 1) < 1e-6, $"the kernel sums to {sum:R}");
    }

    [Theory]
    [InlineData(0.01, 1)]
    [InlineData(0.06, 1)]
    [InlineData(0.3, 3)]
    [InlineData(1.0, 9)]
    [InlineData(4.0, 33)]
    [InlineData(50.0, 401)]
    [InlineData(10_000.0, 80_001)]
    public void The_kernel_size_is_opencvs_for_float_images(double sigma, int size) =>
        Assert.Equal(size, FieldBlur.KernelSize(sigma));

    // getGaussianKernel(ksize, sigma, CV_32F) of OpenCV 4.6, the centre tap first.
    [Theory]
    [InlineData(0.3, new uint[] { 0x3f7e092d, 0x3b7b69be })]
    [InlineData(1.0, new uint[] { 0x3ecc4252, 0x3e77c75d, 0x3d5d25cd, 0x3b913926, 0x390c54e2 })]
    [InlineData(4.0, new uint[]
    {
        0x3dcc4403, 0x3dc5fb28, 0x3db4438a, 0x3d9a3015, 0x3d77c96b, 0x3d3b0a0e, 0x3d04a176, 0x3cb0b3c4, 0x3c5d27a3,
        0x3c02029d, 0x3b8f98d0, 0x3b14fe84, 0x3a913a5b, 0x3a04fafb, 0x3964c6d1, 0x38b8de44, 0x380c560d,
    })]
    public void The_kernel_is_opencvs_bit_for_bit(double sigma, uint[] expected) =>
        Assert.Equal(expected, FieldBlur.KernelHalf(sigma).Select(BitConverter.SingleToUInt32Bits));

    [Fact]
    public void The_wide_kernel_is_opencvs_at_the_centre_and_the_ends()
    {
        var half = FieldBlur.KernelHalf(50).Select(BitConverter.SingleToUInt32Bits).ToArray();
        Assert.Equal(201, half.Length);
        Assert.Equal([0x3c02bbbcu, 0x3c02b50b, 0x3c02a0f9, 0x3c027f8c], half[..4]);
        Assert.Equal([0x3652a283u, 0x36428ea0, 0x3633a282], half[^3..]);
    }

    // cv::exp(cv::softdouble(x)) of OpenCV 4.6; the C library's exp differs in the last bits of some.
    [Theory]
    [InlineData(-0.0, 0x3ff0000000000000)]
    [InlineData(-0.001, 0x3feff7cfe56f1a9e)]
    [InlineData(-0.5, 0x3fe368b2fc6f960a)]
    [InlineData(-1.0, 0x3fd78b56362cef38)]
    [InlineData(-2.5, 0x3fb50385c094f425)]
    [InlineData(-7.99, 0x3f3634b14e8b7f33)]
    [InlineData(-8.0, 0x3f35fc21041027ad)]
    [InlineData(-20.25, 0x3e1b93de1e27ca47)]
    [InlineData(-31.9, 0x3d0f842eff2b1662)]
    public void The_exp_is_opencvs_softfloat_exp(double x, ulong bits) =>
        Assert.Equal(bits, BitConverter.DoubleToUInt64Bits(FieldBlur.SoftExp(x)));

    // cv::borderInterpolate(p, length, BORDER_REFLECT_101) for p = -9 .. length + 8.
    [Theory]
    [InlineData(1, new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(2, new[] { 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 })]
    [InlineData(3, new[] { 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2, 1, 0, 1, 2 })]
    [InlineData(5, new[] { 1, 0, 1, 2, 3, 4, 3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1, 0, 1, 2, 3, 4 })]
    public void Borders_reflect_as_opencvs_reflect_101(int length, int[] expected)
    {
        var actual = Enumerable.Range(-9, length + 17).Select(p => FieldBlur.Reflect101(p, length)).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(expected, Enumerable.Range(-9, length + 17).Select(p => Mirror(p, length)));
    }

    [Fact]
    public void Only_the_field_is_touched_and_bad_arguments_are_refused()
    {
        var span = Uniform(30 + 5, 9);
        var tail = span[30..];
        FieldBlur.GaussianBlur(span, 6, 5, 1.5);
        Assert.Equal(tail, span[30..]);

        Assert.Throws<ArgumentException>(() => FieldBlur.GaussianBlur(new float[29], 6, 5, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldBlur.GaussianBlur(new float[30], 6, 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldBlur.GaussianBlur(new float[30], 6, 5, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldBlur.GaussianBlur(new float[30], 0, 5, 1.5));
    }

    // The blur written out pixel by pixel, in floats: a horizontal pass, then a vertical one, each
    // output s = k[0] * centre, then s = s + k[j] * (before + after); a one-pixel side is not blurred.
    private static float[] Reference(float[] input, int width, int height, float[] half)
    {
        var radius = half.Length - 1;
        var rows = (float[])input.Clone();
        if (width > 1)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var s = half[0] * input[(y * width) + x];
                    for (var j = 1; j <= radius; j++)
                    {
                        s += half[j] * (input[(y * width) + Mirror(x - j, width)] + input[(y * width) + Mirror(x + j, width)]);
                    }

                    rows[(y * width) + x] = s;
                }
            }
        }

        var output = (float[])rows.Clone();
        if (height > 1)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var s = half[0] * rows[(y * width) + x];
                    for (var j = 1; j <= radius; j++)
                    {
                        s += half[j] * (rows[(Mirror(y - j, height) * width) + x] + rows[(Mirror(y + j, height) * width) + x]);
                    }

                    output[(y * width) + x] = s;
                }
            }
        }

        return output;
    }

    // Reflection about the edge pixels, by the period 2 (n - 1) of the reflected sequence.
    private static int Mirror(int p, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        var period = 2 * (n - 1);
        p = ((p % period) + period) % period;
        return p < n ? p : period - p;
    }

    private static int Differences(float[] expected, float[] actual)
    {
        var count = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            count += BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]) ? 0 : 1;
        }

        return count;
    }

    // Values in [-1, 1) from SplitMix64, made with integer arithmetic and one exact scaling, so the
    // input itself is the same on every machine.
    private static float[] Uniform(int count, ulong seed)
    {
        var values = new float[count];
        var state = seed;
        for (var i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            z ^= z >> 31;
            values[i] = ((int)(z >> 40) - (1 << 23)) / (float)(1 << 23);
        }

        return values;
    }
}
