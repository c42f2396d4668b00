using System.Runtime.InteropServices;
using Augment.Core.Geometry;

namespace Augment.Core.Interop;

/// <summary>
/// A per-pixel map for one run of spatial steps with a displacement field, built once in the shim
/// and applied to the image and each mask (aug_map_build, aug_image_remap_map).
/// </summary>
internal sealed unsafe class NativeMap : IDisposable
{
    private readonly NativeMapHandle _handle;

    private NativeMap(NativeMapHandle handle) => _handle = handle;

    /// <summary>
    /// Builds the map of <paramref name="width"/> x <paramref name="height"/> output pixels: each
    /// stage, in order, takes a point one step towards the input, by an inverse matrix or by adding a
    /// field's displacement.
    /// </summary>
    public static NativeMap Build(IReadOnlyList<(Matrix3x3? Inverse, DisplacementField? Field)> stages, int width, int height)
    {
        var matrices = new double[stages.Count * 9];
        var pins = new List<GCHandle>();
        try
        {
            var native = new NativeMethods.MapStage[stages.Count];
            fixed (double* m = matrices)
            {
                for (var i = 0; i < stages.Count; i++)
                {
                    var (inverse, field) = stages[i];
                    if (inverse is { } matrix)
                    {
                        matrix.ToArray().CopyTo(matrices, i * 9);
                        native[i].Inverse = m + (i * 9);
                    }
                    else
                    {
                        var dx = GCHandle.Alloc(field!.Dx, GCHandleType.Pinned);
                        pins.Add(dx);
                        var dy = GCHandle.Alloc(field.Dy, GCHandleType.Pinned);
                        pins.Add(dy);
                        native[i].Dx = (float*)dx.AddrOfPinnedObject();
                        native[i].Dy = (float*)dy.AddrOfPinnedObject();
                        native[i].FieldWidth = field.Size.Width;
                        native[i].FieldHeight = field.Size.Height;
                    }
                }

                fixed (NativeMethods.MapStage* s = native)
                {
                    NativeMethods.Check(NativeMethods.MapBuild(s, native.Length, width, height, out var handle));
                    return new NativeMap(handle);
                }
            }
        }
        finally
        {
            pins.ForEach(p => p.Free());
        }
    }

    /// <summary>One remap pass of <paramref name="image"/> through the map.</summary>
    public NativeImage Apply(NativeImage image, int interpolation, int borderMode, ReadOnlySpan<double> fill4) =>
        image.RemapWith(_handle, interpolation, borderMode, fill4);

    /// <summary>The map's source coordinates, row-major, <paramref name="x"/> and <paramref name="y"/> sized to its pixels: for tests.</summary>
    internal void TestValues(Span<float> x, Span<float> y)
    {
        fixed (float* px = x)
        fixed (float* py = y)
        {
            NativeMethods.Check(NativeMethods.TestMapValues(_handle, px, py, x.Length));
        }
    }

    public void Dispose() => _handle.Dispose();
}
