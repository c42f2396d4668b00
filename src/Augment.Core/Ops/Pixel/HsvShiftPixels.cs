using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Augment.Core.Imaging;

namespace Augment.Core.Ops.Pixel;

/// <summary>
/// HueSaturationValue's per-pixel step on HSV pixels (hue in degrees [0, 360], saturation and value
/// in [0, 1], as cvtColor gives them for float images): hue shifted and wrapped into [0, 360),
/// saturation and value shifted and clipped to [0, 1]. Bit for bit the C++ shim's
/// shift_hsv_pixels (colour.cpp) it replaced: each sum in double, rounded to float once.
/// </summary>
internal static class HsvShiftPixels
{
    /// <summary>
    /// Shifts the hue, saturation, value triples of <paramref name="hsv"/> in place; with
    /// <paramref name="vectorise"/>, many pixels at a time where the hue shift is in (-360, 360)
    /// (the same values either way).
    /// </summary>
    public static void Shift(Span<float> hsv, double hueDegrees, double saturation, double value, bool vectorise) =>
        Shift(hsv, hueDegrees, saturation, value, vectorise ? VectorWidths.Best : VectorWidth.Scalar);

    /// <summary>As <see cref="Shift(Span{float}, double, double, double, bool)"/>, <paramref name="vectors"/> wide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    internal static void Shift(Span<float> hsv, double hueDegrees, double saturation, double value, VectorWidth vectors)
    {
        if (hsv.Length % 3 != 0)
        {
            throw new ArgumentException($"HSV pixels are triples of floats, not {hsv.Length} floats", nameof(hsv));
        }

        // cvtColor's hues are in [0, 360]; with a shift in (-360, 360) every shifted hue is in
        // (-360, 720), where the wrap is one conditional subtraction, written (as the shim writes it)
        // as the addition of a chosen constant: adding -0.0 leaves every value, -0.0 included, as it is.
        var common = hueDegrees > -360.0 && hueDegrees < 360.0;
        var done = 0;
        if (common && vectors == VectorWidth.Bits256)
        {
            done = Shift256(hsv, hueDegrees, saturation, value);
        }

        if (common && vectors != VectorWidth.Scalar)
        {
            done += Shift128(hsv[done..], hueDegrees, saturation, value);
        }

        ref var p = ref MemoryMarshal.GetReference(hsv);
        for (var i = done; i < hsv.Length; i += 3)
        {
            ref var h = ref Unsafe.Add(ref p, i);
            ref var s = ref Unsafe.Add(ref p, i + 1);
            ref var v = ref Unsafe.Add(ref p, i + 2);
            float hue;
            if (common)
            {
                var d = h + hueDegrees;
                d += d >= 360.0 ? -360.0 : -0.0;
                hue = (float)d;
                hue += hue < 0.0f ? 360.0f : -0.0f;
            }
            else
            {
                hue = (float)WrapDegrees(h + hueDegrees);
                hue = hue < 0 ? hue + 360.0f : hue;
            }

            h = hue;
            s = Clip((float)(s + saturation));
            v = Clip((float)(v + value));
        }
    }

    // std::min(1.0f, std::max(0.0f, v)): (0 < v ? v : 0), then (that < 1 ? that : 1); NaN and -0 give +0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clip(float v)
    {
        var low = 0.0f < v ? v : 0.0f;
        return low < 1.0f ? low : 1.0f;
    }

    // fmod(h, 360) without the library call where one exact subtraction does (C#'s % on doubles is fmod).
    private static double WrapDegrees(double h) =>
        h >= 360.0 && h < 720.0 ? h - 360.0
        : h > -360.0 && h < 360.0 ? h
        : h % 360.0;

    // The vectorised loops take the triples as they lie in memory, without deinterleaving them: a
    // block of three float vectors holds whole pixels (four or eight), and every lane of a vector
    // does the same operations on its sample, with constants chosen per lane. Hue lanes add the hue
    // shift and wrap: the double sum gets -360 where it is >= 360 (saturation and value lanes compare
    // with +infinity, which only an infinite sum reaches, and inf - 360 is inf), the float +360 where
    // it is < 0 (saturation and value lanes compare with -infinity: never). Saturation and value
    // lanes add their shift and clip: (0 < v ? v : 0), then (v < 1 ? v : 1), as the scalar code;
    // hue lanes keep the unclipped value (NaN included), chosen by a mask.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private static int Shift128(Span<float> hsv, double hueDegrees, double saturation, double value)
    {
        var shifts = new Lanes128(hueDegrees, saturation, value);
        ref var p = ref MemoryMarshal.GetReference(hsv);
        var i = 0;
        for (; i <= hsv.Length - 12; i += 12)
        {
            // Double lanes start at samples 0, 2, 4, 6, 8, 10 of the block (channels 0, 2, 1, 0, 2, 1);
            // float vectors at 0, 4, 8 (channels 0, 1, 2).
            ref var at = ref Unsafe.Add(ref p, i);
            var f0 = Vector128.LoadUnsafe(ref at);
            var f1 = Vector128.LoadUnsafe(ref at, 4);
            var f2 = Vector128.LoadUnsafe(ref at, 8);
            Step(f0, shifts.Double0, shifts.Wrap0, shifts.Double2, shifts.Wrap2, shifts.Float0).StoreUnsafe(ref at);
            Step(f1, shifts.Double1, shifts.Wrap1, shifts.Double0, shifts.Wrap0, shifts.Float1).StoreUnsafe(ref at, 4);
            Step(f2, shifts.Double2, shifts.Wrap2, shifts.Double1, shifts.Wrap1, shifts.Float2).StoreUnsafe(ref at, 8);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private static int Shift256(Span<float> hsv, double hueDegrees, double saturation, double value)
    {
        var shifts = new Lanes256(hueDegrees, saturation, value);
        ref var p = ref MemoryMarshal.GetReference(hsv);
        var i = 0;
        for (; i <= hsv.Length - 24; i += 24)
        {
            // Double lanes start at samples 0, 4, 8, 12, 16, 20 of the block (channels 0, 1, 2, 0, 1, 2);
            // float vectors at 0, 8, 16 (channels 0, 2, 1).
            ref var at = ref Unsafe.Add(ref p, i);
            var f0 = Vector256.LoadUnsafe(ref at);
            var f1 = Vector256.LoadUnsafe(ref at, 8);
            var f2 = Vector256.LoadUnsafe(ref at, 16);
            Step(f0, shifts.Double0, shifts.Wrap0, shifts.Double1, shifts.Wrap1, shifts.Float0).StoreUnsafe(ref at);
            Step(f1, shifts.Double2, shifts.Wrap2, shifts.Double0, shifts.Wrap0, shifts.Float2).StoreUnsafe(ref at, 8);
            Step(f2, shifts.Double1, shifts.Wrap1, shifts.Double2, shifts.Wrap2, shifts.Float1).StoreUnsafe(ref at, 16);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Step(
        Vector128<float> f, Vector128<double> shiftLow, Vector128<double> wrapLow, Vector128<double> shiftHigh, Vector128<double> wrapHigh, FloatLanes128 lanes)
    {
        var low = Vector128.WidenLower(f) + shiftLow;
        var high = Vector128.WidenUpper(f) + shiftHigh;
        low += Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(low, wrapLow), Vector128.Create(-360.0), Vector128.Create(-0.0));
        high += Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(high, wrapHigh), Vector128.Create(-360.0), Vector128.Create(-0.0));
        var g = Vector128.Narrow(low, high);
        g += Vector128.ConditionalSelect(Vector128.LessThan(g, lanes.Below), Vector128.Create(360.0f), Vector128.Create(-0.0f));
        var c = Vector128.ConditionalSelect(Vector128.GreaterThan(g, Vector128<float>.Zero), g, Vector128<float>.Zero);
        c = Vector128.ConditionalSelect(Vector128.LessThan(c, Vector128<float>.One), c, Vector128<float>.One);
        return Vector128.ConditionalSelect(lanes.Hue, g, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Step(
        Vector256<float> f, Vector256<double> shiftLow, Vector256<double> wrapLow, Vector256<double> shiftHigh, Vector256<double> wrapHigh, FloatLanes256 lanes)
    {
        var low = Vector256.WidenLower(f) + shiftLow;
        var high = Vector256.WidenUpper(f) + shiftHigh;
        low += Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(low, wrapLow), Vector256.Create(-360.0), Vector256.Create(-0.0));
        high += Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(high, wrapHigh), Vector256.Create(-360.0), Vector256.Create(-0.0));
        var g = Vector256.Narrow(low, high);
        g += Vector256.ConditionalSelect(Vector256.LessThan(g, lanes.Below), Vector256.Create(360.0f), Vector256.Create(-0.0f));
        var c = Vector256.ConditionalSelect(Vector256.GreaterThan(g, Vector256<float>.Zero), g, Vector256<float>.Zero);
        c = Vector256.ConditionalSelect(Vector256.LessThan(c, Vector256<float>.One), c, Vector256<float>.One);
        return Vector256.ConditionalSelect(lanes.Hue, g, c);
    }

    // Per-lane constants by channel (0 hue, 1 saturation, 2 value).
    private static double WrapOf(int channel) => channel == 0 ? 360.0 : double.PositiveInfinity;

    private static float BelowOf(int channel) => channel == 0 ? 0.0f : float.NegativeInfinity;

    private static float HueMaskOf(int channel) => channel == 0 ? BitConverter.Int32BitsToSingle(-1) : 0.0f;

    private readonly struct FloatLanes128(int first)
    {
        public Vector128<float> Below { get; } = Vector128.Create(
            BelowOf(first), BelowOf((first + 1) % 3), BelowOf((first + 2) % 3), BelowOf(first));

        public Vector128<float> Hue { get; } = Vector128.Create(
            HueMaskOf(first), HueMaskOf((first + 1) % 3), HueMaskOf((first + 2) % 3), HueMaskOf(first));
    }

    private readonly struct FloatLanes256(int first)
    {
        public Vector256<float> Below { get; } = Vector256.Create(
            BelowOf(first), BelowOf((first + 1) % 3), BelowOf((first + 2) % 3), BelowOf(first),
            BelowOf((first + 1) % 3), BelowOf((first + 2) % 3), BelowOf(first), BelowOf((first + 1) % 3));

        public Vector256<float> Hue { get; } = Vector256.Create(
            HueMaskOf(first), HueMaskOf((first + 1) % 3), HueMaskOf((first + 2) % 3), HueMaskOf(first),
            HueMaskOf((first + 1) % 3), HueMaskOf((first + 2) % 3), HueMaskOf(first), HueMaskOf((first + 1) % 3));
    }

    // DoubleN and WrapN: a double vector starting at channel N; FloatN: a float vector starting at channel N.
    private readonly struct Lanes128(double hue, double saturation, double value)
    {
        public Vector128<double> Double0 { get; } = Vector128.Create(hue, saturation);

        public Vector128<double> Double1 { get; } = Vector128.Create(saturation, value);

        public Vector128<double> Double2 { get; } = Vector128.Create(value, hue);

        public Vector128<double> Wrap0 { get; } = Vector128.Create(WrapOf(0), WrapOf(1));

        public Vector128<double> Wrap1 { get; } = Vector128.Create(WrapOf(1), WrapOf(2));

        public Vector128<double> Wrap2 { get; } = Vector128.Create(WrapOf(2), WrapOf(0));

        public FloatLanes128 Float0 { get; } = new(0);

        public FloatLanes128 Float1 { get; } = new(1);

        public FloatLanes128 Float2 { get; } = new(2);
    }

    private readonly struct Lanes256(double hue, double saturation, double value)
    {
        public Vector256<double> Double0 { get; } = Vector256.Create(hue, saturation, value, hue);

        public Vector256<double> Double1 { get; } = Vector256.Create(saturation, value, hue, saturation);

        public Vector256<double> Double2 { get; } = Vector256.Create(value, hue, saturation, value);

        public Vector256<double> Wrap0 { get; } = Vector256.Create(WrapOf(0), WrapOf(1), WrapOf(2), WrapOf(0));

        public Vector256<double> Wrap1 { get; } = Vector256.Create(WrapOf(1), WrapOf(2), WrapOf(0), WrapOf(1));

        public Vector256<double> Wrap2 { get; } = Vector256.Create(WrapOf(2), WrapOf(0), WrapOf(1), WrapOf(2));

        public FloatLanes256 Float0 { get; } = new(0);

        public FloatLanes256 Float1 { get; } = new(1);

        public FloatLanes256 Float2 { get; } = new(2);
    }
}
