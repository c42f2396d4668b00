using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Augment.Core.Geometry;

/// <summary>Which lanes <see cref="FieldBlur"/> computes with; every choice gives the same bits.</summary>
internal enum FieldBlurLanes
{
    /// <summary>The widest vectors the CPU accelerates (512, 256 or 128 bits), else one float at a time.</summary>
    Widest,

    /// <summary>One float at a time: the vector path forced off.</summary>
    Scalar,

    Vector128,
    Vector256,

    /// <summary>512-bit vectors, emulated by the runtime where the CPU has no AVX-512.</summary>
    Vector512,
}

/// <summary>
/// A Gaussian blur of a row-major float field, in place, with OpenCV's kernel for a CV_32F image,
/// ksize (0, 0) and BORDER_REFLECT_101 (cv::GaussianBlur, which it replaces), and bits that do not
/// depend on the CPU.
/// <para>
/// The kernel: <c>ksize = cvRound(8 * sigma + 1) | 1</c> taps, each value computed in doubles as
/// OpenCV's bit-exact getGaussianKernel does, including its software exp (softfloat's f64_exp), then
/// rounded to float. Only IEEE additions, multiplications and divisions of doubles are used, so the
/// kernel is the same everywhere and matches OpenCV's float kernel bit for bit.
/// </para>
/// <para>
/// The blur: separable, a horizontal pass and then a vertical one, as cv::sepFilter2D. Each output
/// of a pass with kernel half <c>k</c> (<c>k[0]</c> the centre tap) is <c>s = k[0] * c</c>, then
/// <c>s = s + k[j] * (before_j + after_j)</c> for j = 1 .. radius in that order, every operation a
/// correctly rounded float operation, no fused multiply-add. Vectors run across neighbouring outputs
/// (never across the taps of one output), so an output in a lane of a vector of any width and one in
/// the scalar tail go through the same operations. Each pass reads rows padded with their reflected
/// borders and writes its output transposed, so the vertical pass is the same loop over the first
/// pass's columns and ends with the field the right way round. OpenCV's own float blur differs from
/// this in the last bits (it sums the horizontal taps in order, with fused multiply-adds where the
/// CPU has them), by about 1e-7 of the field's values.
/// </para>
/// <para>
/// Borders reflect without repeating the edge (gfedcb|abcdefgh|gfedcba), folding again as often as
/// a kernel longer than the field needs. A field one pixel wide (or high) is not blurred along that
/// axis, as cv::GaussianBlur does for a one-pixel side.
/// </para>
/// </summary>
internal static class FieldBlur
{
    /// <summary>Smooths the first <paramref name="width"/> x <paramref name="height"/> floats of <paramref name="field"/> in place.</summary>
    public static void GaussianBlur(Span<float> field, int width, int height, double sigma) =>
        GaussianBlur(field, width, height, sigma, FieldBlurLanes.Widest);

    /// <summary>As <see cref="GaussianBlur(Span{float}, int, int, double)"/>, on the given lanes (tests force them).</summary>
    internal static void GaussianBlur(Span<float> field, int width, int height, double sigma, FieldBlurLanes lanes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (!(sigma > 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be positive and finite");
        }

        var count = (long)width * height;
        if (count > field.Length)
        {
            throw new ArgumentException($"a {width}x{height} field needs {count} values, the span has {field.Length}", nameof(field));
        }

        var half = KernelHalf(sigma);
        if (half.Length == 1 || count == 1)
        {
            return; // one tap of 1, or nothing to blend: OpenCV copies
        }

        lanes = Resolve(lanes);
        var values = field[..(int)count];
        if (width == 1 || height == 1)
        {
            // A one-pixel side is not blurred (cv::GaussianBlur sets its kernel to one tap), and a
            // column of floats lies in memory as a row does. One row may be blurred in place.
            BlurRowsTransposed(values, values, (int)count, 1, half, lanes);
            return;
        }

        // The vertical pass is the horizontal one on the transposed field: each pass blurs rows and
        // writes them transposed, so that every tap is read from a padded row in cache, the second
        // pass's rows are the first's columns, and its output is the field the right way round.
        var scratch = ArrayPool<float>.Shared.Rent((int)count);
        try
        {
            var transposed = scratch.AsSpan(0, (int)count);
            BlurRowsTransposed(values, transposed, width, height, half, lanes);
            BlurRowsTransposed(transposed, values, height, width, half, lanes);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>OpenCV's kernel size for a float image: <c>cvRound(sigma * 4 * 2 + 1) | 1</c>, rounding half to even.</summary>
    internal static int KernelSize(double sigma)
    {
        var size = Math.Round((sigma * 4 * 2) + 1, MidpointRounding.ToEven);
        if (!(size <= int.MaxValue / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma is too large for a kernel");
        }

        return (int)size | 1;
    }

    /// <summary>
    /// The centre and one side of OpenCV's float Gaussian kernel of <see cref="KernelSize"/> taps:
    /// element 0 is the centre tap, element j the taps j pixels either side of it.
    /// </summary>
    internal static float[] KernelHalf(double sigma)
    {
        var n = KernelSize(sigma);
        var radius = (n - 1) / 2;

        // getGaussianKernelBitExact: the taps left of the centre, x = 2 * (i - radius), and the centre
        // tap exp(0) = 1; their sum, doubled, plus the centre, normalises. (OpenCV squares x in an int,
        // which overflows past 46,340 taps, a sigma above about 5,792; this squares it in a long.)
        var scale = -0.125 / (sigma * sigma);
        var sides = new double[radius];
        var sum = 0.0;
        long x = 1 - n;
        for (var i = 0; i < radius; i++, x += 2)
        {
            sides[i] = SoftExp((x * x) * scale);
            sum += sides[i];
        }

        sum *= 2;
        sum += 1;
        var normalise = 1 / sum;

        var half = new float[radius + 1];
        half[0] = (float)(1 * normalise);
        for (var i = 0; i < radius; i++)
        {
            half[radius - i] = (float)(sides[i] * normalise);
        }

        return half;
    }

    /// <summary>
    /// BORDER_REFLECT_101 (cv::borderInterpolate): the index inside [0, length) that index
    /// <paramref name="p"/> reads, reflecting about the edge pixels as often as needed.
    /// </summary>
    internal static int Reflect101(int p, int length)
    {
        if (length == 1)
        {
            return 0;
        }

        while ((uint)p >= (uint)length)
        {
            p = p < 0 ? -p : (2 * (length - 1)) - p;
        }

        return p;
    }

    private static FieldBlurLanes Resolve(FieldBlurLanes lanes) => lanes != FieldBlurLanes.Widest ? lanes
        : Vector512.IsHardwareAccelerated ? FieldBlurLanes.Vector512
        : Vector256.IsHardwareAccelerated ? FieldBlurLanes.Vector256
        : Vector128.IsHardwareAccelerated ? FieldBlurLanes.Vector128
        : FieldBlurLanes.Scalar;

    // Blurs the rows of source (rows x length) into destination transposed (length x rows): a row is
    // copied into a buffer with radius reflected values either side, output x computed from the buffer
    // around x + radius; a block of rows at a time is then written out column by column.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private static void BlurRowsTransposed(ReadOnlySpan<float> source, Span<float> destination, int length, int rows, float[] half, FieldBlurLanes lanes)
    {
        const int Block = 8;
        var radius = half.Length - 1;
        var paddedLength = length + (2 * radius);
        var reflected = ArrayPool<int>.Shared.Rent(2 * radius);
        var padded = ArrayPool<float>.Shared.Rent(paddedLength);
        var block = ArrayPool<float>.Shared.Rent(Block * length);
        try
        {
            for (var p = 0; p < radius; p++)
            {
                reflected[p] = Reflect101(p - radius, length);
                reflected[radius + p] = Reflect101(length + p, length);
            }

            ref var k = ref MemoryMarshal.GetArrayDataReference(half);
            ref var centre = ref padded[radius];
            for (var y0 = 0; y0 < rows; y0 += Block)
            {
                var blockRows = Math.Min(Block, rows - y0);
                for (var b = 0; b < blockRows; b++)
                {
                    var row = source.Slice((y0 + b) * length, length);
                    for (var p = 0; p < radius; p++)
                    {
                        padded[p] = row[reflected[p]];
                        padded[radius + length + p] = row[reflected[radius + p]];
                    }

                    row.CopyTo(padded.AsSpan(radius, length));
                    ref var output = ref block[b * length];
                    var done = lanes switch
                    {
                        FieldBlurLanes.Vector512 => Convolve<Lanes512>(ref centre, ref k, radius, ref output, 0, length),
                        FieldBlurLanes.Vector256 => Convolve<Lanes256>(ref centre, ref k, radius, ref output, 0, length),
                        FieldBlurLanes.Vector128 => Convolve<Lanes128>(ref centre, ref k, radius, ref output, 0, length),
                        _ => 0,
                    };
                    Convolve<Lane1>(ref centre, ref k, radius, ref output, done, length);
                }

                for (var x = 0; x < length; x++)
                {
                    var column = destination.Slice((x * rows) + y0, blockRows);
                    for (var b = 0; b < column.Length; b++)
                    {
                        column[b] = block[(b * length) + x];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(block);
            ArrayPool<float>.Shared.Return(padded);
            ArrayPool<int>.Shared.Return(reflected);
        }
    }

    // Outputs [start, end) of a padded row, centre[x] being the input under output x and centre[x -+ j]
    // its neighbours, in whole vectors of TLanes, four at a time while four fit; returns where it
    // stopped. Lane1 (one float) finishes the row with the very same code. Per output:
    // s = half[0] * centre[x]; then s = s + half[j] * (centre[x - j] + centre[x + j]), j = 1 .. radius.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private static int Convolve<TLanes>(ref float centre, ref float half, int radius, ref float destination, int start, int end)
        where TLanes : struct, ILanes<TLanes>
    {
        var n = TLanes.Count;
        var k0 = TLanes.Splat(half);
        var i = start;
        for (; i <= end - (4 * n); i += 4 * n)
        {
            ref var c = ref Unsafe.Add(ref centre, i);
            var s0 = k0 * TLanes.Load(ref c);
            var s1 = k0 * TLanes.Load(ref Unsafe.Add(ref c, n));
            var s2 = k0 * TLanes.Load(ref Unsafe.Add(ref c, 2 * n));
            var s3 = k0 * TLanes.Load(ref Unsafe.Add(ref c, 3 * n));
            for (var j = 1; j <= radius; j++)
            {
                var kj = TLanes.Splat(Unsafe.Add(ref half, j));
                ref var before = ref Unsafe.Subtract(ref c, j);
                ref var after = ref Unsafe.Add(ref c, j);
                s0 += kj * (TLanes.Load(ref before) + TLanes.Load(ref after));
                s1 += kj * (TLanes.Load(ref Unsafe.Add(ref before, n)) + TLanes.Load(ref Unsafe.Add(ref after, n)));
                s2 += kj * (TLanes.Load(ref Unsafe.Add(ref before, 2 * n)) + TLanes.Load(ref Unsafe.Add(ref after, 2 * n)));
                s3 += kj * (TLanes.Load(ref Unsafe.Add(ref before, 3 * n)) + TLanes.Load(ref Unsafe.Add(ref after, 3 * n)));
            }

            ref var o = ref Unsafe.Add(ref destination, i);
            TLanes.Store(s0, ref o);
            TLanes.Store(s1, ref Unsafe.Add(ref o, n));
            TLanes.Store(s2, ref Unsafe.Add(ref o, 2 * n));
            TLanes.Store(s3, ref Unsafe.Add(ref o, 3 * n));
        }

        for (; i <= end - n; i += n)
        {
            ref var c = ref Unsafe.Add(ref centre, i);
            var s0 = k0 * TLanes.Load(ref c);
            for (var j = 1; j <= radius; j++)
            {
                var kj = TLanes.Splat(Unsafe.Add(ref half, j));
                s0 += kj * (TLanes.Load(ref Unsafe.Subtract(ref c, j)) + TLanes.Load(ref Unsafe.Add(ref c, j)));
            }

            TLanes.Store(s0, ref Unsafe.Add(ref destination, i));
        }

        return i;
    }

    // softfloat's f64_exp as OpenCV has it (cv::exp(softdouble)), which getGaussianKernel uses: 2^(x / ln 2)
    // split into a power of two, a 64-entry table of 2^(m / 64) and a degree-5 polynomial. Plain
    // double operations round as softfloat's do, so this is the same function, on every CPU (Math.Exp
    // is the C library's, which on x86-64 picks an FMA variant by CPU). Arguments here lie in [-15, 0].
    internal static double SoftExp(double x)
    {
        double x0;
        if (((BitConverter.DoubleToInt64Bits(x) >> 52) & 0x7FF) > 1023 + 10)
        {
            x0 = x < 0 ? -ExpMaxValue : ExpMaxValue;
        }
        else
        {
            x0 = x * ExpPrescale;
        }

        var rounded = Math.Round(x0, MidpointRounding.ToEven);
        var val0 = (int)rounded;
        var t = Math.Clamp((val0 >> ExpTableBits) + 1023, 0, 2047);
        var power = BitConverter.Int64BitsToDouble((long)t << 52);
        x0 = (x0 - rounded) * ExpPostscale;
        var polynomial = (((((ExpA0 * x0) + ExpA1) * x0 + ExpA2) * x0 + ExpA3) * x0 + ExpA4) * x0 + ExpA5;
        return power * ExpPoly0 * BitConverter.UInt64BitsToDouble(ExpTable[val0 & ExpTableMask]) * polynomial;
    }

    private const int ExpTableBits = 6;
    private const int ExpTableMask = (1 << ExpTableBits) - 1;
    private static readonly double ExpPoly0 = BitConverter.UInt64BitsToDouble(0x3f83ce0f3e46f431);
    private static readonly double ExpMaxValue = 3000 * (1 << ExpTableBits);
    private static readonly double ExpPrescale = BitConverter.UInt64BitsToDouble(0x3ff71547652b82fe) * (1 << ExpTableBits); // 64 / ln 2
    private static readonly double ExpPostscale = 1.0 / (1 << ExpTableBits);
    private static readonly double ExpA5 = 1 / ExpPoly0;
    private static readonly double ExpA4 = BitConverter.UInt64BitsToDouble(0x3fe62e42fefa39f1) / ExpPoly0;
    private static readonly double ExpA3 = BitConverter.UInt64BitsToDouble(0x3fcebfbdff82a45a) / ExpPoly0;
    private static readonly double ExpA2 = BitConverter.UInt64BitsToDouble(0x3fac6b08d81fec75) / ExpPoly0;
    private static readonly double ExpA1 = BitConverter.UInt64BitsToDouble(0x3f83b2a72b4f3cd3) / ExpPoly0;
    private static readonly double ExpA0 = BitConverter.UInt64BitsToDouble(0x3f55e7aa1566c2a4) / ExpPoly0;

    // 2^(m / 64), m = 0 .. 63, as doubles.
    private static readonly ulong[] ExpTable =
    [
        0x3ff0000000000000, 0x3ff02c9a3e778061, 0x3ff059b0d3158574, 0x3ff0874518759bc8,
        0x3ff0b5586cf9890f, 0x3ff0e3ec32d3d1a2, 0x3ff11301d0125b51, 0x3ff1429aaea92de0,
        0x3ff172b83c7d517b, 0x3ff1a35beb6fcb75, 0x3ff1d4873168b9aa, 0x3ff2063b88628cd6,
        0x3ff2387a6e756238, 0x3ff26b4565e27cdd, 0x3ff29e9df51fdee1, 0x3ff2d285a6e4030b,
        0x3ff306fe0a31b715, 0x3ff33c08b26416ff, 0x3ff371a7373aa9cb, 0x3ff3a7db34e59ff7,
        0x3ff3dea64c123422, 0x3ff4160a21f72e2a, 0x3ff44e086061892d, 0x3ff486a2b5c13cd0,
        0x3ff4bfdad5362a27, 0x3ff4f9b2769d2ca7, 0x3ff5342b569d4f82, 0x3ff56f4736b527da,
        0x3ff5ab07dd485429, 0x3ff5e76f15ad2148, 0x3ff6247eb03a5585, 0x3ff6623882552225,
        0x3ff6a09e667f3bcd, 0x3ff6dfb23c651a2f, 0x3ff71f75e8ec5f74, 0x3ff75feb564267c9,
        0x3ff7a11473eb0187, 0x3ff7e2f336cf4e62, 0x3ff82589994cce13, 0x3ff868d99b4492ed,
        0x3ff8ace5422aa0db, 0x3ff8f1ae99157736, 0x3ff93737b0cdc5e5, 0x3ff97d829fde4e50,
        0x3ff9c49182a3f090, 0x3ffa0c667b5de565, 0x3ffa5503b23e255d, 0x3ffa9e6b5579fdbf,
        0x3ffae89f995ad3ad, 0x3ffb33a2b84f15fb, 0x3ffb7f76f2fb5e47, 0x3ffbcc1e904bc1d2,
        0x3ffc199bdd85529c, 0x3ffc67f12e57d14b, 0x3ffcb720dcef9069, 0x3ffd072d4a07897c,
        0x3ffd5818dcfba487, 0x3ffda9e603db3285, 0x3ffdfc97337b9b5f, 0x3ffe502ee78b3ff6,
        0x3ffea4afa2a490da, 0x3ffefa1bee615a27, 0x3fff50765b6e4540, 0x3fffa7c1819e90d8,
    ];

    // A float vector of some width: loads and stores at a float reference, a broadcast, and
    // lane-wise correctly rounded addition and multiplication (never fused).
    private interface ILanes<TSelf>
        where TSelf : struct, ILanes<TSelf>
    {
        static abstract int Count { get; }

        static abstract TSelf Load(ref float at);

        static abstract void Store(TSelf value, ref float at);

        static abstract TSelf Splat(float value);

        static abstract TSelf operator +(TSelf left, TSelf right);

        static abstract TSelf operator *(TSelf left, TSelf right);
    }

    private readonly struct Lane1(float value) : ILanes<Lane1>
    {
        private readonly float _value = value;

        public static int Count => 1;

        public static Lane1 Load(ref float at) => new(at);

        public static void Store(Lane1 value, ref float at) => at = value._value;

        public static Lane1 Splat(float value) => new(value);

        public static Lane1 operator +(Lane1 left, Lane1 right) => new(left._value + right._value);

        public static Lane1 operator *(Lane1 left, Lane1 right) => new(left._value * right._value);
    }

    private readonly struct Lanes128(Vector128<float> value) : ILanes<Lanes128>
    {
        private readonly Vector128<float> _value = value;

        public static int Count => Vector128<float>.Count;

        public static Lanes128 Load(ref float at) => new(Vector128.LoadUnsafe(ref at));

        public static void Store(Lanes128 value, ref float at) => value._value.StoreUnsafe(ref at);

        public static Lanes128 Splat(float value) => new(Vector128.Create(value));

        public static Lanes128 operator +(Lanes128 left, Lanes128 right) => new(left._value + right._value);

        public static Lanes128 operator *(Lanes128 left, Lanes128 right) => new(left._value * right._value);
    }

    private readonly struct Lanes256(Vector256<float> value) : ILanes<Lanes256>
    {
        private readonly Vector256<float> _value = value;

        public static int Count => Vector256<float>.Count;

        public static Lanes256 Load(ref float at) => new(Vector256.LoadUnsafe(ref at));

        public static void Store(Lanes256 value, ref float at) => value._value.StoreUnsafe(ref at);

        public static Lanes256 Splat(float value) => new(Vector256.Create(value));

        public static Lanes256 operator +(Lanes256 left, Lanes256 right) => new(left._value + right._value);

        public static Lanes256 operator *(Lanes256 left, Lanes256 right) => new(left._value * right._value);
    }

    private readonly struct Lanes512(Vector512<float> value) : ILanes<Lanes512>
    {
        private readonly Vector512<float> _value = value;

        public static int Count => Vector512<float>.Count;

        public static Lanes512 Load(ref float at) => new(Vector512.LoadUnsafe(ref at));

        public static void Store(Lanes512 value, ref float at) => value._value.StoreUnsafe(ref at);

        public static Lanes512 Splat(float value) => new(Vector512.Create(value));

        public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left._value + right._value);

        public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left._value * right._value);
    }
}
