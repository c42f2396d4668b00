namespace Augment.Core.Ops.Pixel;

/// <summary>HueSaturationValue's per-pixel step on float HSV triples (hue in degrees, saturation and value in 0..1), in place.</summary>
internal static class HsvShiftPixels
{
    public static void Shift(Span<float> hsv, double hueDegrees, double saturation, double value, bool vectorise)
    {
        _ = vectorise;
        var common = hueDegrees > -360.0 && hueDegrees < 360.0;
        for (var i = 0; i + 2 < hsv.Length; i += 3)
        {
            float h;
            if (common)
            {
                var d = hsv[i] + hueDegrees;
                d += d >= 360.0 ? -360.0 : -0.0;
                h = (float)d;
                h += h < 0.0f ? 360.0f : -0.0f;
            }
            else
            {
                h = (float)WrapDegrees(hsv[i] + hueDegrees);
                h = h < 0 ? h + 360.0f : h;
            }

            hsv[i] = h;
            hsv[i + 1] = Clip((float)(hsv[i + 1] + saturation));
            hsv[i + 2] = Clip((float)(hsv[i + 2] + value));
        }
    }

    // std::min(1.0f, std::max(0.0f, v)): (a < b) ? b : a twice, so NaN becomes 0.
    private static float Clip(float v)
    {
        var low = 0.0f < v ? v : 0.0f;
        return low < 1.0f ? low : 1.0f;
    }

    private static double WrapDegrees(double h) =>
        h is >= 360.0 and < 720.0 ? h - 360.0 : h is > -360.0 and < 360.0 ? h : h % 360.0;
}
