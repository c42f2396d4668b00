using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Augment.Core.Imaging;

namespace Augment.Core.Geometry;

/// <summary>
/// Builds the per-pixel map of a run of spatial steps that includes a displacement field, for one
/// remap pass: for each output pixel, the point of the input it samples, as two row-major float
/// maps (x and y). The stages are applied in order to the output pixel's coordinates, each an
/// inverse 3x3 matrix (<see cref="Matrix3x3.Apply"/>) or a displacement field
/// (<see cref="DisplacementField.At"/> added to the point), in double, converted to float at the end.
/// </summary>
/// <remarks>
/// <para>
/// The arithmetic is that of the C++ shim it replaced (aug_map_build), bit for bit: the same IEEE
/// operations in the same order, never a fused multiply-add. Like the shim, it works a row at a time, stage by stage
/// over the whole row, in two rented rows of doubles; it takes an affine matrix (last row 0 0 1)
/// without the division by w = 1, and reads a field that is the first stage and as large as the
/// output at the output's own pixels (where the bilinear weights are 0: the same doubles for finite
/// fields). Every stage and the conversion to float run across pixels in vectors of doubles, each
/// lane doing the scalar code's operations, so the values do not depend on the vector width.
/// </para>
/// <para>
/// One builder is for one thread; it writes rows anywhere the caller wants them (native memory
/// included) through <see cref="BuildRow"/>. The builder keeps references to the fields' arrays:
/// they must not change while it is used.
/// </para>
/// </remarks>
internal sealed class RemapMapBuilder : IDisposable
{
    private const double Magic = 4503599627370496.0; // 2^52

    private readonly Stage[] _stages;
    private readonly bool _direct;
    private readonly VectorWidth _vectors;
    private double[]? _xs;
    private double[]? _ys;

    /// <summary>A builder for <paramref name="width"/> x <paramref name="height"/> output pixels, vectorised as widely as the CPU allows.</summary>
    public RemapMapBuilder(IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height)
        : this(stages, width, height, VectorWidths.Best)
    {
    }

    /// <summary>A builder that runs its loops <paramref name="vectors"/> wide (any width gives the same values).</summary>
    internal RemapMapBuilder(IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height, VectorWidth vectors)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (stages.Count == 0)
        {
            throw new ArgumentException("a map needs at least one stage", nameof(stages));
        }

        _stages = new Stage[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            // A matrix wins over a field when a stage has both, as in the shim's interop.
            var (inverse, field) = stages[i];
            _stages[i] = inverse is { } matrix ? new Stage(matrix)
                : field is not null ? new Stage(field)
                : throw new ArgumentException($"stage {i} has neither an inverse matrix nor a field", nameof(stages));
        }

        Width = width;
        Height = height;
        _vectors = vectors;
        _direct = _stages[0].Kind == StageKind.Field && _stages[0].FieldWidth == width && _stages[0].FieldHeight == height;
        _xs = ArrayPool<double>.Shared.Rent(width);
        _ys = ArrayPool<double>.Shared.Rent(width);
    }

    private enum StageKind
    {
        Affine,
        Perspective,
        Field,
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Builds the whole map into row-major <paramref name="mapX"/> and <paramref name="mapY"/> of at
    /// least <paramref name="width"/> x <paramref name="height"/> floats each.
    /// </summary>
    public static void Build(
        IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height, Span<float> mapX, Span<float> mapY)
    {
        using var builder = new RemapMapBuilder(stages, width, height);
        builder.BuildAll(mapX, mapY);
    }

    /// <summary>
    /// Builds the whole map into rows of floats at <paramref name="mapX"/> and <paramref name="mapY"/>,
    /// <paramref name="strideX"/> and <paramref name="strideY"/> bytes apart (a CV_32F Mat's data and step).
    /// </summary>
    public static unsafe void Build(
        IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages,
        int width,
        int height,
        float* mapX,
        nint strideX,
        float* mapY,
        nint strideY)
    {
        if (mapX == null || mapY == null)
        {
            throw new ArgumentNullException(mapX == null ? nameof(mapX) : nameof(mapY));
        }

        if (strideX < (nint)width * sizeof(float) || strideY < (nint)width * sizeof(float))
        {
            throw new ArgumentException($"rows of {width} floats need strides of at least {width * sizeof(float)} bytes");
        }

        using var builder = new RemapMapBuilder(stages, width, height);
        for (var y = 0; y < height; y++)
        {
            builder.BuildRow(
                y,
                new Span<float>((byte*)mapX + (y * strideX), width),
                new Span<float>((byte*)mapY + (y * strideY), width));
        }
    }

    /// <summary>Builds row <paramref name="y"/>: its first <see cref="Width"/> source coordinates into each span.</summary>
    public void BuildRow(int y, Span<float> mapX, Span<float> mapY)
    {
        if (_xs is not { } xsArray || _ys is not { } ysArray)
        {
            throw new ObjectDisposedException(nameof(RemapMapBuilder));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        if (mapX.Length < Width || mapY.Length < Width)
        {
            throw new ArgumentException($"a row of the map needs {Width} floats per axis");
        }

        var xs = xsArray.AsSpan(0, Width);
        var ys = ysArray.AsSpan(0, Width);
        var first = 0;
        if (_direct)
        {
            StartOnField(_stages[0], y, xs, ys);
            first = 1;
        }
        else
        {
            Start(y, xs, ys);
        }

        for (var i = first; i < _stages.Length; i++)
        {
            var stage = _stages[i];
            switch (stage.Kind)
            {
                case StageKind.Affine:
                    Affine(stage, xs, ys);
                    break;
                case StageKind.Perspective:
                    Perspective(stage, xs, ys);
                    break;
                default:
                    Field(stage, xs, ys);
                    break;
            }
        }

        ToFloat(xs, mapX[..Width]);
        ToFloat(ys, mapY[..Width]);
    }

    /// <summary>Builds every row into row-major spans of at least <see cref="Width"/> x <see cref="Height"/> floats.</summary>
    public void BuildAll(Span<float> mapX, Span<float> mapY)
    {
        var count = (long)Width * Height;
        if (mapX.Length < count || mapY.Length < count)
        {
            throw new ArgumentException($"a {Width}x{Height} map needs {count} floats per axis");
        }

        for (var y = 0; y < Height; y++)
        {
            BuildRow(y, mapX.Slice(y * Width, Width), mapY.Slice(y * Width, Width));
        }
    }

    /// <summary>Gives the rows of doubles back to the pool.</summary>
    public void Dispose()
    {
        if (_xs is { } xs)
        {
            ArrayPool<double>.Shared.Return(xs);
        }

        if (_ys is { } ys)
        {
            ArrayPool<double>.Shared.Return(ys);
        }

        (_xs, _ys) = (null, null);
    }

    // The output pixels' own coordinates (whole numbers: exact in double whichever way they are made).
    private void Start(int y, Span<double> xs, Span<double> ys)
    {
        ref var rx = ref MemoryMarshal.GetReference(xs);
        ref var ry = ref MemoryMarshal.GetReference(ys);
        var n = xs.Length;
        double yd = y;
        var x = 0;
        if (_vectors == VectorWidth.Bits256)
        {
            var px = Vector256.Create(0.0, 1.0, 2.0, 3.0);
            var step = Vector256.Create(4.0);
            var py = Vector256.Create(yd);
            for (; x <= n - 4; x += 4)
            {
                px.StoreUnsafe(ref rx, (nuint)x);
                py.StoreUnsafe(ref ry, (nuint)x);
                px += step;
            }
        }

        if (_vectors != VectorWidth.Scalar)
        {
            var px = Vector128.Create((double)x, x + 1.0);
            var step = Vector128.Create(2.0);
            var py = Vector128.Create(yd);
            for (; x <= n - 2; x += 2)
            {
                px.StoreUnsafe(ref rx, (nuint)x);
                py.StoreUnsafe(ref ry, (nuint)x);
                px += step;
            }
        }

        for (; x < n; x++)
        {
            Unsafe.Add(ref rx, x) = x;
            Unsafe.Add(ref ry, x) = yd;
        }
    }

    // A first field as large as the output, sampled at the output's own pixels: DisplacementField.At
    // interpolates with weights 0, which add a signed zero to the grid value (and x + -0.0 == x + 0.0
    // for the pixel coordinates x >= 0 it is added to), so the point is the pixel plus the grid value.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private void StartOnField(Stage stage, int y, Span<double> xs, Span<double> ys)
    {
        ref var rx = ref MemoryMarshal.GetReference(xs);
        ref var ry = ref MemoryMarshal.GetReference(ys);
        var n = xs.Length;
        var row = (nuint)y * (nuint)n;
        ref var dx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(stage.Dx), row);
        ref var dy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(stage.Dy), row);
        double yd = y;
        var x = 0;
        if (_vectors == VectorWidth.Bits256)
        {
            var px = Vector256.Create(0.0, 1.0, 2.0, 3.0);
            var step = Vector256.Create(8.0);
            var four = Vector256.Create(4.0);
            var py = Vector256.Create(yd);
            for (; x <= n - 8; x += 8)
            {
                var fx = Vector256.LoadUnsafe(ref dx, (nuint)x);
                var fy = Vector256.LoadUnsafe(ref dy, (nuint)x);
                (px + Vector256.WidenLower(fx)).StoreUnsafe(ref rx, (nuint)x);
                (px + four + Vector256.WidenUpper(fx)).StoreUnsafe(ref rx, (nuint)x + 4);
                (py + Vector256.WidenLower(fy)).StoreUnsafe(ref ry, (nuint)x);
                (py + Vector256.WidenUpper(fy)).StoreUnsafe(ref ry, (nuint)x + 4);
                px += step;
            }
        }

        if (_vectors != VectorWidth.Scalar)
        {
            var px = Vector128.Create((double)x, x + 1.0);
            var step = Vector128.Create(4.0);
            var two = Vector128.Create(2.0);
            var py = Vector128.Create(yd);
            for (; x <= n - 4; x += 4)
            {
                var fx = Vector128.LoadUnsafe(ref dx, (nuint)x);
                var fy = Vector128.LoadUnsafe(ref dy, (nuint)x);
                (px + Vector128.WidenLower(fx)).StoreUnsafe(ref rx, (nuint)x);
                (px + two + Vector128.WidenUpper(fx)).StoreUnsafe(ref rx, (nuint)x + 2);
                (py + Vector128.WidenLower(fy)).StoreUnsafe(ref ry, (nuint)x);
                (py + Vector128.WidenUpper(fy)).StoreUnsafe(ref ry, (nuint)x + 2);
                px += step;
            }
        }

        for (; x < n; x++)
        {
            Unsafe.Add(ref rx, x) = x + (double)Unsafe.Add(ref dx, x);
            Unsafe.Add(ref ry, x) = yd + (double)Unsafe.Add(ref dy, x);
        }
    }

    // Matrix3x3.Apply with w = 0 * x + 0 * y + 1, which is exactly 1 for every finite point (signed
    // zeros add to 1), so x / w == x: the division is left out, as the shim leaves it out.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private void Affine(Stage s, Span<double> xs, Span<double> ys)
    {
        ref var rx = ref MemoryMarshal.GetReference(xs);
        ref var ry = ref MemoryMarshal.GetReference(ys);
        var n = xs.Length;
        var x = 0;
        if (_vectors == VectorWidth.Bits256)
        {
            var (m0, m1, m2) = (Vector256.Create(s.M0), Vector256.Create(s.M1), Vector256.Create(s.M2));
            var (m3, m4, m5) = (Vector256.Create(s.M3), Vector256.Create(s.M4), Vector256.Create(s.M5));
            for (; x <= n - 4; x += 4)
            {
                var px = Vector256.LoadUnsafe(ref rx, (nuint)x);
                var py = Vector256.LoadUnsafe(ref ry, (nuint)x);
                (((m0 * px) + (m1 * py)) + m2).StoreUnsafe(ref rx, (nuint)x);
                (((m3 * px) + (m4 * py)) + m5).StoreUnsafe(ref ry, (nuint)x);
            }
        }

        if (_vectors != VectorWidth.Scalar)
        {
            var (m0, m1, m2) = (Vector128.Create(s.M0), Vector128.Create(s.M1), Vector128.Create(s.M2));
            var (m3, m4, m5) = (Vector128.Create(s.M3), Vector128.Create(s.M4), Vector128.Create(s.M5));
            for (; x <= n - 2; x += 2)
            {
                var px = Vector128.LoadUnsafe(ref rx, (nuint)x);
                var py = Vector128.LoadUnsafe(ref ry, (nuint)x);
                (((m0 * px) + (m1 * py)) + m2).StoreUnsafe(ref rx, (nuint)x);
                (((m3 * px) + (m4 * py)) + m5).StoreUnsafe(ref ry, (nuint)x);
            }
        }

        for (; x < n; x++)
        {
            var px = Unsafe.Add(ref rx, x);
            var py = Unsafe.Add(ref ry, x);
            Unsafe.Add(ref rx, x) = ((s.M0 * px) + (s.M1 * py)) + s.M2;
            Unsafe.Add(ref ry, x) = ((s.M3 * px) + (s.M4 * py)) + s.M5;
        }
    }

    // Matrix3x3.Apply.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private void Perspective(Stage s, Span<double> xs, Span<double> ys)
    {
        ref var rx = ref MemoryMarshal.GetReference(xs);
        ref var ry = ref MemoryMarshal.GetReference(ys);
        var n = xs.Length;
        var x = 0;
        if (_vectors == VectorWidth.Bits256)
        {
            var (m0, m1, m2) = (Vector256.Create(s.M0), Vector256.Create(s.M1), Vector256.Create(s.M2));
            var (m3, m4, m5) = (Vector256.Create(s.M3), Vector256.Create(s.M4), Vector256.Create(s.M5));
            var (m6, m7, m8) = (Vector256.Create(s.M6), Vector256.Create(s.M7), Vector256.Create(s.M8));
            for (; x <= n - 4; x += 4)
            {
                var px = Vector256.LoadUnsafe(ref rx, (nuint)x);
                var py = Vector256.LoadUnsafe(ref ry, (nuint)x);
                var w = ((m6 * px) + (m7 * py)) + m8;
                ((((m0 * px) + (m1 * py)) + m2) / w).StoreUnsafe(ref rx, (nuint)x);
                ((((m3 * px) + (m4 * py)) + m5) / w).StoreUnsafe(ref ry, (nuint)x);
            }
        }

        if (_vectors != VectorWidth.Scalar)
        {
            var (m0, m1, m2) = (Vector128.Create(s.M0), Vector128.Create(s.M1), Vector128.Create(s.M2));
            var (m3, m4, m5) = (Vector128.Create(s.M3), Vector128.Create(s.M4), Vector128.Create(s.M5));
            var (m6, m7, m8) = (Vector128.Create(s.M6), Vector128.Create(s.M7), Vector128.Create(s.M8));
            for (; x <= n - 2; x += 2)
            {
                var px = Vector128.LoadUnsafe(ref rx, (nuint)x);
                var py = Vector128.LoadUnsafe(ref ry, (nuint)x);
                var w = ((m6 * px) + (m7 * py)) + m8;
                ((((m0 * px) + (m1 * py)) + m2) / w).StoreUnsafe(ref rx, (nuint)x);
                ((((m3 * px) + (m4 * py)) + m5) / w).StoreUnsafe(ref ry, (nuint)x);
            }
        }

        for (; x < n; x++)
        {
            var px = Unsafe.Add(ref rx, x);
            var py = Unsafe.Add(ref ry, x);
            var w = ((s.M6 * px) + (s.M7 * py)) + s.M8;
            Unsafe.Add(ref rx, x) = (((s.M0 * px) + (s.M1 * py)) + s.M2) / w;
            Unsafe.Add(ref ry, x) = (((s.M3 * px) + (s.M4 * py)) + s.M5) / w;
        }
    }

    // DisplacementField.At added to the point: clamped to the grid, bilinear between grid points
    // (float differences of neighbours, interpolated in double). The vectors find the neighbours'
    // offsets in doubles (whole numbers below 2^31: exact), fetch the four neighbours lane by lane,
    // and do the rest as the scalar code does, lane by lane.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private void Field(Stage s, Span<double> xs, Span<double> ys)
    {
        ref var rx = ref MemoryMarshal.GetReference(xs);
        ref var ry = ref MemoryMarshal.GetReference(ys);
        ref var dx = ref MemoryMarshal.GetArrayDataReference(s.Dx);
        ref var dy = ref MemoryMarshal.GetArrayDataReference(s.Dy);
        var (w, h) = (s.FieldWidth, s.FieldHeight);
        var n = xs.Length;
        var x = 0;

        // The offsets of the neighbours of a block of pixels: corner c of pixel p at o[c * pixels + p],
        // corners (x0, y0), (x1, y0), (x0, y1), (x1, y1).
        Span<long> o = stackalloc long[32];
        ref var ro = ref MemoryMarshal.GetReference(o);
        if (_vectors == VectorWidth.Bits256)
        {
            var (wm1, hm1, wd) = (Vector256.Create((double)(w - 1)), Vector256.Create((double)(h - 1)), Vector256.Create((double)w));
            for (; x <= n - 8; x += 8)
            {
                var (px0, px1) = (Vector256.LoadUnsafe(ref rx, (nuint)x), Vector256.LoadUnsafe(ref rx, (nuint)x + 4));
                var (py0, py1) = (Vector256.LoadUnsafe(ref ry, (nuint)x), Vector256.LoadUnsafe(ref ry, (nuint)x + 4));
                var (cx0, cx1) = (Clamp(px0, wm1), Clamp(px1, wm1));
                var (cy0, cy1) = (Clamp(py0, hm1), Clamp(py1, hm1));
                var (x00, x01) = (Whole(cx0), Whole(cx1));
                var (y00, y01) = (Whole(cy0), Whole(cy1));
                Offsets(x00, y00, wd, wm1, hm1, ref ro);
                Offsets(x01, y01, wd, wm1, hm1, ref Unsafe.Add(ref ro, 4));
                var (fx0, fx1) = (cx0 - x00, cx1 - x01);
                var (fy0, fy1) = (cy0 - y00, cy1 - y01);
                var (ex0, ex1) = Lerp2(ref dx, ref ro, fx0, fx1, fy0, fy1);
                var (ey0, ey1) = Lerp2(ref dy, ref ro, fx0, fx1, fy0, fy1);
                (px0 + ex0).StoreUnsafe(ref rx, (nuint)x);
                (px1 + ex1).StoreUnsafe(ref rx, (nuint)x + 4);
                (py0 + ey0).StoreUnsafe(ref ry, (nuint)x);
                (py1 + ey1).StoreUnsafe(ref ry, (nuint)x + 4);
            }
        }

        if (_vectors != VectorWidth.Scalar)
        {
            var (wm1, hm1, wd) = (Vector128.Create((double)(w - 1)), Vector128.Create((double)(h - 1)), Vector128.Create((double)w));
            for (; x <= n - 4; x += 4)
            {
                var (px0, px1) = (Vector128.LoadUnsafe(ref rx, (nuint)x), Vector128.LoadUnsafe(ref rx, (nuint)x + 2));
                var (py0, py1) = (Vector128.LoadUnsafe(ref ry, (nuint)x), Vector128.LoadUnsafe(ref ry, (nuint)x + 2));
                var (cx0, cx1) = (Clamp(px0, wm1), Clamp(px1, wm1));
                var (cy0, cy1) = (Clamp(py0, hm1), Clamp(py1, hm1));
                var (x00, x01) = (Whole(cx0), Whole(cx1));
                var (y00, y01) = (Whole(cy0), Whole(cy1));
                Offsets(x00, y00, wd, wm1, hm1, ref ro);
                Offsets(x01, y01, wd, wm1, hm1, ref Unsafe.Add(ref ro, 2));
                var (fx0, fx1) = (cx0 - x00, cx1 - x01);
                var (fy0, fy1) = (cy0 - y00, cy1 - y01);
                var (ex0, ex1) = Lerp2(ref dx, ref ro, fx0, fx1, fy0, fy1);
                var (ey0, ey1) = Lerp2(ref dy, ref ro, fx0, fx1, fy0, fy1);
                (px0 + ex0).StoreUnsafe(ref rx, (nuint)x);
                (px1 + ex1).StoreUnsafe(ref rx, (nuint)x + 2);
                (py0 + ey0).StoreUnsafe(ref ry, (nuint)x);
                (py1 + ey1).StoreUnsafe(ref ry, (nuint)x + 2);
            }
        }

        for (; x < n; x++)
        {
            ref var px = ref Unsafe.Add(ref rx, x);
            ref var py = ref Unsafe.Add(ref ry, x);
            var cx = px < 0 ? 0.0 : (px > w - 1 ? w - 1 : px);
            var cy = py < 0 ? 0.0 : (py > h - 1 ? h - 1 : py);

            // (int)NaN is 0 (.NET's conversions saturate): a NaN point stays NaN through fx and fy.
            var x0 = Math.Min((int)cx, w - 1);
            var y0 = Math.Min((int)cy, h - 1);
            var x1 = Math.Min(x0 + 1, w - 1);
            var y1 = Math.Min(y0 + 1, h - 1);
            var fx = cx - x0;
            var fy = cy - y0;
            var ex = Lerp2(ref dx, w, x0, y0, x1, y1, fx, fy);
            var ey = Lerp2(ref dy, w, x0, y0, x1, y1, fx, fy);
            px += ex;
            py += ey;
        }
    }

    // DisplacementField.Lerp2: float differences, interpolated in double.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Lerp2(ref float v, int w, int x0, int y0, int x1, int y1, double fx, double fy)
    {
        var (r0, r1) = (y0 * w, y1 * w);
        var (v00, v01) = (Unsafe.Add(ref v, r0 + x0), Unsafe.Add(ref v, r0 + x1));
        var (v10, v11) = (Unsafe.Add(ref v, r1 + x0), Unsafe.Add(ref v, r1 + x1));
        var top = v00 + ((double)(float)(v01 - v00) * fx);
        var bottom = v10 + ((double)(float)(v11 - v10) * fx);
        return top + ((bottom - top) * fy);
    }

    // The clamp of DisplacementField.At, as the shim writes it: x < 0 ? 0 : (x > max ? max : x) (NaN stays).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Clamp(Vector128<double> v, Vector128<double> max) =>
        Vector128.ConditionalSelect(
            Vector128.LessThan(v, Vector128<double>.Zero),
            Vector128<double>.Zero,
            Vector128.ConditionalSelect(Vector128.GreaterThan(v, max), max, v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Clamp(Vector256<double> v, Vector256<double> max) =>
        Vector256.ConditionalSelect(
            Vector256.LessThan(v, Vector256<double>.Zero),
            Vector256<double>.Zero,
            Vector256.ConditionalSelect(Vector256.GreaterThan(v, max), max, v));

    // (double)(int)v for a clamped coordinate: its floor where it is above 0 (truncation there), and
    // +0.0 for +-0 and NaN, as the conversion to int gives 0 for them (never -0.0, which would change
    // the sign of a zero weight v - x0).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Whole(Vector128<double> v) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(v, Vector128<double>.Zero), Vector128.Floor(v), Vector128<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Whole(Vector256<double> v) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(v, Vector256<double>.Zero), Vector256.Floor(v), Vector256<double>.Zero);

    // The offsets y0 * w + x0 of the four neighbours of each lane, x1 = min(x0 + 1, w - 1) and y1
    // likewise, stored as longs at o[lane], o[pixels + lane], ... (pixels = 2 lanes x 2 vectors):
    // whole doubles below 2^52 become longs by adding 2^52 (the sum's low bits are the number).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offsets(Vector128<double> x0, Vector128<double> y0, Vector128<double> w, Vector128<double> wm1, Vector128<double> hm1, ref long o)
    {
        var magic = Vector128.Create(Magic);
        var o00 = ((y0 * w) + x0) + magic;
        var o10 = o00 + (Vector128.LessThan(y0, hm1) & w);
        var right = Vector128.LessThan(x0, wm1) & Vector128<double>.One;
        var bits = magic.AsInt64();
        (o00.AsInt64() - bits).StoreUnsafe(ref o);
        ((o00 + right).AsInt64() - bits).StoreUnsafe(ref o, 4);
        (o10.AsInt64() - bits).StoreUnsafe(ref o, 8);
        ((o10 + right).AsInt64() - bits).StoreUnsafe(ref o, 12);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offsets(Vector256<double> x0, Vector256<double> y0, Vector256<double> w, Vector256<double> wm1, Vector256<double> hm1, ref long o)
    {
        var magic = Vector256.Create(Magic);
        var o00 = ((y0 * w) + x0) + magic;
        var o10 = o00 + (Vector256.LessThan(y0, hm1) & w);
        var right = Vector256.LessThan(x0, wm1) & Vector256<double>.One;
        var bits = magic.AsInt64();
        (o00.AsInt64() - bits).StoreUnsafe(ref o);
        ((o00 + right).AsInt64() - bits).StoreUnsafe(ref o, 8);
        (o10.AsInt64() - bits).StoreUnsafe(ref o, 16);
        ((o10 + right).AsInt64() - bits).StoreUnsafe(ref o, 24);
    }

    // Lerp2 for four pixels: the lanes of (a, b) are pixels 0-1 and 2-3.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double>, Vector128<double>) Lerp2(
        ref float v, ref long o, Vector128<double> fx0, Vector128<double> fx1, Vector128<double> fy0, Vector128<double> fy1)
    {
        var (v00, v01) = (Gather4(ref v, ref o), Gather4(ref v, ref Unsafe.Add(ref o, 4)));
        var (v10, v11) = (Gather4(ref v, ref Unsafe.Add(ref o, 8)), Gather4(ref v, ref Unsafe.Add(ref o, 12)));
        var (topDiff, bottomDiff) = (v01 - v00, v11 - v10);
        var top0 = Vector128.WidenLower(v00) + (Vector128.WidenLower(topDiff) * fx0);
        var top1 = Vector128.WidenUpper(v00) + (Vector128.WidenUpper(topDiff) * fx1);
        var bottom0 = Vector128.WidenLower(v10) + (Vector128.WidenLower(bottomDiff) * fx0);
        var bottom1 = Vector128.WidenUpper(v10) + (Vector128.WidenUpper(bottomDiff) * fx1);
        return (top0 + ((bottom0 - top0) * fy0), top1 + ((bottom1 - top1) * fy1));
    }

    // Lerp2 for eight pixels: the lanes of (a, b) are pixels 0-3 and 4-7.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>) Lerp2(
        ref float v, ref long o, Vector256<double> fx0, Vector256<double> fx1, Vector256<double> fy0, Vector256<double> fy1)
    {
        var (v00, v01) = (Gather8(ref v, ref o), Gather8(ref v, ref Unsafe.Add(ref o, 8)));
        var (v10, v11) = (Gather8(ref v, ref Unsafe.Add(ref o, 16)), Gather8(ref v, ref Unsafe.Add(ref o, 24)));
        var (topDiff, bottomDiff) = (v01 - v00, v11 - v10);
        var top0 = Vector256.WidenLower(v00) + (Vector256.WidenLower(topDiff) * fx0);
        var top1 = Vector256.WidenUpper(v00) + (Vector256.WidenUpper(topDiff) * fx1);
        var bottom0 = Vector256.WidenLower(v10) + (Vector256.WidenLower(bottomDiff) * fx0);
        var bottom1 = Vector256.WidenUpper(v10) + (Vector256.WidenUpper(bottomDiff) * fx1);
        return (top0 + ((bottom0 - top0) * fy0), top1 + ((bottom1 - top1) * fy1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Gather4(ref float v, ref long o) => Vector128.Create(
        Unsafe.Add(ref v, (nint)o),
        Unsafe.Add(ref v, (nint)Unsafe.Add(ref o, 1)),
        Unsafe.Add(ref v, (nint)Unsafe.Add(ref o, 2)),
        Unsafe.Add(ref v, (nint)Unsafe.Add(ref o, 3)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Gather8(ref float v, ref long o) =>
        Vector256.Create(Gather4(ref v, ref o), Gather4(ref v, ref Unsafe.Add(ref o, 4)));

    // Each double rounded to the nearest float.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private void ToFloat(Span<double> values, Span<float> floats)
    {
        ref var source = ref MemoryMarshal.GetReference(values);
        ref var target = ref MemoryMarshal.GetReference(floats);
        var n = values.Length;
        var x = 0;
        if (_vectors == VectorWidth.Bits256)
        {
            for (; x <= n - 8; x += 8)
            {
                Vector256.Narrow(Vector256.LoadUnsafe(ref source, (nuint)x), Vector256.LoadUnsafe(ref source, (nuint)x + 4))
                    .StoreUnsafe(ref target, (nuint)x);
            }
        }

        if (_vectors != VectorWidth.Scalar)
        {
            for (; x <= n - 4; x += 4)
            {
                Vector128.Narrow(Vector128.LoadUnsafe(ref source, (nuint)x), Vector128.LoadUnsafe(ref source, (nuint)x + 2))
                    .StoreUnsafe(ref target, (nuint)x);
            }
        }

        for (; x < n; x++)
        {
            Unsafe.Add(ref target, x) = (float)Unsafe.Add(ref source, x);
        }
    }

    private sealed class Stage
    {
        public Stage(Matrix3x3 inverse)
        {
            Kind = inverse.M20 == 0.0 && inverse.M21 == 0.0 && inverse.M22 == 1.0 ? StageKind.Affine : StageKind.Perspective;
            (M0, M1, M2, M3, M4, M5, M6, M7, M8) =
                (inverse.M00, inverse.M01, inverse.M02, inverse.M10, inverse.M11, inverse.M12, inverse.M20, inverse.M21, inverse.M22);
            Dx = Dy = [];
        }

        public Stage(DisplacementField field)
        {
            Kind = StageKind.Field;
            Dx = field.Dx;
            Dy = field.Dy;
            FieldWidth = field.Size.Width;
            FieldHeight = field.Size.Height;
        }

        public StageKind Kind { get; }

        public double M0 { get; }

        public double M1 { get; }

        public double M2 { get; }

        public double M3 { get; }

        public double M4 { get; }

        public double M5 { get; }

        public double M6 { get; }

        public double M7 { get; }

        public double M8 { get; }

        public float[] Dx { get; }

        public float[] Dy { get; }

        public int FieldWidth { get; }

        public int FieldHeight { get; }
    }
}
