using Augment.Core.Geometry;
using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// A per-pixel map (float x and y source coordinates) for one run of spatial steps with a
/// displacement field, built once and applied to the image and each mask with cv::remap.
/// </summary>
internal sealed unsafe class NativeMap : IDisposable
{
    private readonly Mat _x;
    private readonly Mat _y;

    private NativeMap(Mat x, Mat y) => (_x, _y) = (x, y);

    /// <summary>
    /// Builds the map of <paramref name="width"/> x <paramref name="height"/> output pixels: each
    /// stage, in order, takes a point one step towards the input, by an inverse matrix or by adding a
    /// field's displacement (<see cref="RemapMapBuilder"/>).
    /// </summary>
    public static NativeMap Build(IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height)
    {
        if (stages.Count == 0 || width <= 0 || height <= 0)
        {
            throw new AugmentNativeException(NativeStatus.InvalidArgument, "a map needs stages and a positive size");
        }

        OpenCvRuntime.Ensure();
        var (x, y) = Guard.Run(() => (new Mat(height, width, MatType.CV_32FC1), new Mat(height, width, MatType.CV_32FC1)));
        try
        {
            var builder = new RemapMapBuilder(stages, width);
            for (var row = 0; row < height; row++)
            {
                builder.BuildRow(row, new Span<float>((void*)x.Ptr(row), width), new Span<float>((void*)y.Ptr(row), width));
            }

            return new NativeMap(x, y);
        }
        catch
        {
            x.Dispose();
            y.Dispose();
            throw;
        }
    }

    /// <summary>One remap pass of <paramref name="image"/> through the map.</summary>
    public NativeImage Apply(NativeImage image, int interpolation, int borderMode, ReadOnlySpan<double> fill4) =>
        image.RemapWith(_x, _y, interpolation, borderMode, fill4);

    /// <summary>The map's source coordinates, row-major, <paramref name="x"/> and <paramref name="y"/> sized to its pixels: for tests.</summary>
    internal void TestValues(Span<float> x, Span<float> y)
    {
        var (width, height) = (_x.Cols, _x.Rows);
        for (var row = 0; row < height; row++)
        {
            new ReadOnlySpan<float>((void*)_x.Ptr(row), width).CopyTo(x.Slice(row * width, width));
            new ReadOnlySpan<float>((void*)_y.Ptr(row), width).CopyTo(y.Slice(row * width, width));
        }
    }

    public void Dispose()
    {
        _x.Dispose();
        _y.Dispose();
    }
}
