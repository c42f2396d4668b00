using Augment.Core.Geometry;
using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// A per-pixel map (float x and y source coordinates) for one run of spatial steps with a
/// displacement field, built once (<see cref="RemapMapBuilder"/>) and applied to the image and each
/// mask with cv::remap.
/// </summary>
internal sealed unsafe class NativeMap : IDisposable
{
    private readonly Mat _x;
    private readonly Mat _y;
    private bool _disposed;

    private NativeMap(Mat x, Mat y) => (_x, _y) = (x, y);

    /// <summary>
    /// Builds the map of <paramref name="width"/> x <paramref name="height"/> output pixels: each
    /// stage, in order, takes a point one step towards the input, by an inverse matrix or by adding a
    /// field's displacement.
    /// </summary>
    public static NativeMap Build(IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height)
    {
        if (stages.Count == 0 || width <= 0 || height <= 0)
        {
            throw new AugmentNativeException(NativeStatus.InvalidArgument, "a map needs stages and a positive size");
        }

        OpenCvRuntime.Ensure();
        var (x, y) = SpareMaps.Take(width, height);
        try
        {
            RemapMapBuilder.Build(stages, width, height, (float*)x.Data, (nint)x.Step(), (float*)y.Data, (nint)y.Step());
            return new NativeMap(x, y);
        }
        catch
        {
            SpareMaps.GiveBack(x, y);
            throw;
        }
    }

    /// <summary>One remap pass of <paramref name="image"/> through the map.</summary>
    public NativeImage Apply(NativeImage image, int interpolation, int borderMode, ReadOnlySpan<double> fill4) =>
        image.RemapWith(_x, _y, interpolation, borderMode, fill4);

    /// <summary>
    /// For each box (pixel-edge coordinates of the run's input), the pixel-edge bounds of the output
    /// pixels whose source sample falls inside it, or null when none does: what the box's object
    /// covers after a remap with this map, folds of the field included.
    /// </summary>
    public Labels.BoundingBox?[] SampledBounds(IReadOnlyList<Labels.BoundingBox> boxes)
    {
        var n = boxes.Count;
        var (minX, minY, maxX, maxY) = (new int[n], new int[n], new int[n], new int[n]);
        Array.Fill(minX, int.MaxValue);
        Array.Fill(minY, int.MaxValue);
        Array.Fill(maxX, -1);
        Array.Fill(maxY, -1);
        var (width, height) = (_x.Cols, _x.Rows);
        for (var row = 0; row < height; row++)
        {
            var xs = new ReadOnlySpan<float>((void*)_x.Ptr(row), width);
            var ys = new ReadOnlySpan<float>((void*)_y.Ptr(row), width);
            for (var col = 0; col < width; col++)
            {
                var (sx, sy) = (xs[col] + 0.5, ys[col] + 0.5); // the sample's pixel-edge coordinates
                for (var b = 0; b < n; b++)
                {
                    var box = boxes[b];
                    if (sx >= box.XMin && sx < box.XMax && sy >= box.YMin && sy < box.YMax)
                    {
                        (minX[b], minY[b], maxX[b], maxY[b]) = (Math.Min(minX[b], col), Math.Min(minY[b], row), Math.Max(maxX[b], col), Math.Max(maxY[b], row));
                    }
                }
            }
        }

        return Enumerable.Range(0, n).Select(b => maxX[b] < 0 ? (Labels.BoundingBox?)null : new Labels.BoundingBox(minX[b], minY[b], maxX[b] + 1, maxY[b] + 1)).ToArray();
    }

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
        if (!_disposed)
        {
            _disposed = true;
            SpareMaps.GiveBack(_x, _y);
        }
    }

    /// <summary>
    /// Maps given back, kept for the next item of the same size (at most 4 and 16 MB): fresh 2 MB
    /// maps cost a 1,000-item segmentation build hundreds of thousands of page faults.
    /// </summary>
    private static class SpareMaps
    {
        private const int MaxMaps = 4;
        private const long MaxBytes = 16L << 20;
        private static readonly List<(Mat X, Mat Y)> Maps = new(MaxMaps);
        private static readonly Lock Gate = new();

        public static (Mat X, Mat Y) Take(int width, int height)
        {
            lock (Gate)
            {
                var index = Maps.FindIndex(m => m.X.Cols == width && m.X.Rows == height);
                if (index >= 0)
                {
                    var found = Maps[index];
                    Maps.RemoveAt(index);
                    return found;
                }
            }

            return Guard.Run(() => (new Mat(height, width, MatType.CV_32FC1), new Mat(height, width, MatType.CV_32FC1)));
        }

        public static void GiveBack(Mat x, Mat y)
        {
            lock (Gate)
            {
                var bytes = Maps.Sum(m => Bytes(m.X) * 2) + (Bytes(x) * 2);
                if (Maps.Count < MaxMaps && bytes <= MaxBytes)
                {
                    Maps.Add((x, y));
                    return;
                }
            }

            x.Dispose();
            y.Dispose();
        }

        private static long Bytes(Mat map) => (long)map.Rows * map.Cols * sizeof(float);
    }
}
