using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// The preview's drawing: boxes with their class, and keypoints, over an 8-bit BGR image. Rectangles
/// go through the Mat overload: OpenCvSharp 4.13.0.20261107's InputOutputArray rectangle crashes.
/// </summary>
internal sealed partial class NativeImage
{
    private const double CaptionScale = 0.35;

    /// <summary>A keypoint (pixel-edge coordinates, scaled) as a filled dot with a dark rim, in the colour of <paramref name="colourIndex"/>.</summary>
    public void DrawPoint(double x, double y, double scale, int colourIndex)
    {
        Require(Channels == 3 && DepthBits == 8, "the image must be 8-bit BGR");
        var (b, g, r) = LabelColour(colourIndex + 1);
        var centre = new Point((int)Math.Floor(x * scale), (int)Math.Floor(y * scale));
        Guard.Run(() =>
        {
            // One proxy per call: a drawing call leaves its InputOutputArray disposed.
            using (var rim = InputOutputArray.Create(_mat))
            {
                Cv2.Circle(rim, centre, 3, Scalar.Black, -1, LineTypes.Link8);
            }

            using var dot = InputOutputArray.Create(_mat);
            Cv2.Circle(dot, centre, 2, new Scalar(b, g, r), -1, LineTypes.Link8);
        });
    }

    /// <summary>How wide <paramref name="text"/> is, in pixels, in the caption font (<see cref="DrawText"/>).</summary>
    public static int TextWidth(string text) =>
        Guard.Run(() => Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, CaptionScale, 1, out _).Width);

    /// <summary>Writes <paramref name="text"/> in light gray, its baseline at <paramref name="baseline"/>, in place.</summary>
    public void DrawText(string text, int x, int baseline)
    {
        Require(Channels == 3 && DepthBits == 8, "the image must be 8-bit BGR");
        Guard.Run(() =>
        {
            using var io = InputOutputArray.Create(_mat);
            Cv2.PutText(io, text, new Point(x, baseline), HersheyFonts.HersheySimplex, CaptionScale, new Scalar(230, 230, 230), 1, LineTypes.Link8);
        });
    }

    /// <summary>
    /// Draws a box outline (pixel-edge coordinates, scaled by <paramref name="scale"/>) in the colour
    /// of <paramref name="colourIndex"/>, with <paramref name="text"/> on a filled tag above it, in place.
    /// </summary>
    public void DrawBox(double x0, double y0, double x1, double y1, double scale, int colourIndex, string text)
    {
        Require(Channels == 3 && DepthBits == 8, "the image must be 8-bit BGR");
        var (b, g, r) = LabelColour(colourIndex + 1);
        var colour = new Scalar(b, g, r);
        var topLeft = new Point((int)Math.Round(x0 * scale), (int)Math.Round(y0 * scale));
        var bottomRight = new Point(Math.Max(topLeft.X, (int)Math.Round(x1 * scale) - 1), Math.Max(topLeft.Y, (int)Math.Round(y1 * scale) - 1));
        Guard.Run(() =>
        {
            Cv2.Rectangle(_mat, new Rect(topLeft.X, topLeft.Y, bottomRight.X - topLeft.X + 1, bottomRight.Y - topLeft.Y + 1), colour, 1, LineTypes.Link8);
            var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, 0.35, 1, out var baseline);
            var tagTop = Math.Max(0, topLeft.Y - size.Height - baseline);
            Cv2.Rectangle(_mat, new Rect(topLeft.X, tagTop, size.Width + 2, size.Height + baseline), colour, -1, LineTypes.Link8);
            using var io = InputOutputArray.Create(_mat);
            Cv2.PutText(io, text, new Point(topLeft.X + 1, tagTop + size.Height), HersheyFonts.HersheySimplex, 0.35, Scalar.Black, 1, LineTypes.Link8);
        });
    }
}
