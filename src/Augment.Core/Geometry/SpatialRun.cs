using Augment.Core.Imaging;
using Augment.Core.OpenCv;

namespace Augment.Core.Geometry;

/// <summary>
/// Consecutive spatial steps fused into one mapping, applied in ONE resampling pass per target
/// (PRODUCT.md section 5): a 3x3 matrix through warpAffine/warpPerspective, or, where a displacement
/// field takes part, a per-pixel map through remap. Resampling choices for the run: the most precise
/// interpolation any step asks for (nearest when none does, so flips and quarter turns stay exact),
/// and the border mode and fill of the first step that sets them. Masks always use nearest and a
/// constant border with the mask fill.
/// </summary>
public sealed class SpatialRun
{
    // Tolerance for treating a composed matrix entry as an exact integer (Rotate(+t) then Rotate(-t)
    // composes to the identity up to ~1e-15).
    private const double Snap = 1e-9;

    private readonly List<SpatialStep> _steps = [];

    public SpatialRun(ImageSize inputSize)
    {
        InputSize = inputSize;
        OutputSize = inputSize;
    }

    public ImageSize InputSize { get; }

    public ImageSize OutputSize { get; private set; }

    public bool IsEmpty => _steps.Count == 0;

    public void Add(SpatialStep step)
    {
        _steps.Add(step);
        OutputSize = step.OutputSize;
    }

    /// <summary>True when a step of the run asks for <c>rotate_method: ellipse</c>: boxes follow the whole run through their inscribed ellipse.</summary>
    public bool EllipseBoxes => _steps.Any(s => s.EllipseBoxes);

    /// <summary>True when no step has a displacement field: the run is one matrix.</summary>
    public bool IsMatrix => !_steps.Any(s => s.Field is not null);

    /// <summary>The run's matrix (pixel centres of the input to those of the output), snapped as the warp snaps it; for a run without fields.</summary>
    public Matrix3x3 Forward => SnapToIntegers(CombinedForward());

    /// <summary>
    /// Where a point of the input (pixel-centre coordinates) lands in the output: matrices forward,
    /// displacement fields inverted (<see cref="FieldInverse"/>). Boxes and keypoints take this mapping.
    /// </summary>
    public (double X, double Y) MapPoint(double x, double y) => TryMapPoint(x, y).Point;

    /// <summary><see cref="MapPoint"/>, and whether every field's inversion converged (a folding field may have no solution near the point).</summary>
    public ((double X, double Y) Point, bool Converged) TryMapPoint(double x, double y)
    {
        var pending = Matrix3x3.Identity;
        var converged = true;
        foreach (var step in _steps)
        {
            if (step.Field is { } field)
            {
                (x, y) = pending.Apply(x, y);
                pending = Matrix3x3.Identity;
                ((x, y), var solved) = FieldInverse.Solve(field, x, y);
                converged &= solved;
            }
            else
            {
                pending = step.Forward * pending;
            }
        }

        return (pending.Apply(x, y), converged);
    }

    /// <summary>True when the run maps every output pixel exactly onto the same input pixel: nothing to resample.</summary>
    public bool IsIdentity => !_steps.Any(s => s.Field is not null) && OutputSize == InputSize && IsIdentityMatrix(SnapToIntegers(CombinedForward()));

    public Interpolation Interpolation =>
        _steps.Select(s => s.Interpolation).OfType<Interpolation>().DefaultIfEmpty(Interpolation.Nearest).MaxBy(Precision);

    public BorderMode Border => _steps.Select(s => s.Border).OfType<BorderMode>().DefaultIfEmpty(BorderMode.Constant).First();

    /// <summary>The run's fill in the config's R, G, B, A order.</summary>
    public IReadOnlyList<double> Fill => _steps.Select(s => s.Fill).FirstOrDefault(f => f is not null) ?? [0];

    public double? MaskFill => _steps.Select(s => s.MaskFill).FirstOrDefault(f => f is not null);

    /// <summary>
    /// Gives the steps' displacement fields back to <see cref="FieldBuffers"/>: for a renderer that
    /// is done with the run and made its fields through its ops (nothing else holds them).
    /// </summary>
    internal void ReleaseFields()
    {
        foreach (var field in _steps.Select(s => s.Field).OfType<DisplacementField>())
        {
            FieldBuffers.Return(field.Dx);
            FieldBuffers.Return(field.Dy);
        }
    }

    /// <summary>Resamples the image in one pass.</summary>
    public ImageBuffer ApplyToImage(ImageBuffer image)
    {
        using var map = BuildMap();
        return ApplyToImage(image, map);
    }

    /// <summary>Resamples a mask in one pass: nearest, constant border with the fill label.</summary>
    public ImageBuffer ApplyToMask(ImageBuffer mask, double defaultFill)
    {
        using var map = BuildMap();
        return ApplyToMask(mask, defaultFill, map);
    }

    /// <summary>
    /// Resamples the image and its masks, each in one pass; a per-pixel map (a run with a
    /// displacement field) is built once for all of them.
    /// </summary>
    public (ImageBuffer Image, List<ImageBuffer> Masks) Apply(ImageBuffer image, IReadOnlyList<ImageBuffer> masks, double defaultFill) =>
        Apply(image, masks, defaultFill, null);

    /// <summary><see cref="Apply(ImageBuffer, IReadOnlyList{ImageBuffer}, double)"/>, handing the per-pixel map (null for a matrix run) to <paramref name="withMap"/> before it is freed.</summary>
    internal (ImageBuffer Image, List<ImageBuffer> Masks) Apply(ImageBuffer image, IReadOnlyList<ImageBuffer> masks, double defaultFill, Action<NativeMap?>? withMap)
    {
        using var map = BuildMap();
        withMap?.Invoke(map);
        var resampled = ApplyToImage(image, map);
        var results = new List<ImageBuffer>(masks.Count);
        try
        {
            foreach (var mask in masks)
            {
                results.Add(ApplyToMask(mask, defaultFill, map));
            }
        }
        catch
        {
            resampled.Dispose();
            results.ForEach(m => m.Dispose());
            throw;
        }

        return (resampled, results);
    }

    private ImageBuffer ApplyToImage(ImageBuffer image, NativeMap? map) =>
        AxisAlignedCrop() is { } crop && Interpolation != Interpolation.Nearest
            ? new ImageBuffer(image.Native.CropResize(crop.X, crop.Y, crop.Width, crop.Height, OutputSize.Width, OutputSize.Height, (int)Interpolation, crop.Flip))
            : Resample(image, Interpolation, Border, FillValues.ForImage(Fill, image.Channels), map);

    private ImageBuffer ApplyToMask(ImageBuffer mask, double defaultFill, NativeMap? map)
    {
        var fill = MaskFill ?? defaultFill;
        if (fill > ImageInfo.Of(mask).MaxValue)
        {
            // Saturating would turn it into a real label (255 or 65535).
            throw new Ops.OpApplicationException("masks", $"the mask fill {fill} does not fit a {mask.DepthBits}-bit mask (at most {ImageInfo.Of(mask).MaxValue})");
        }

        return Resample(mask, Interpolation.Nearest, BorderMode.Constant, FillValues.ForImage([fill], 1), map);
    }

    private ImageBuffer Resample(ImageBuffer source, Interpolation interpolation, BorderMode border, double[] fill, NativeMap? map)
    {
        if (source.Width != InputSize.Width || source.Height != InputSize.Height)
        {
            throw new ArgumentException($"the run maps {InputSize} images, not {source.Width}x{source.Height}");
        }

        var (w, h) = (OutputSize.Width, OutputSize.Height);
        if (map is null)
        {
            var inverse = SnapToIntegers(CombinedForward().Inverse());
            return new ImageBuffer(source.Native.Warp(inverse.ToArray(), w, h, (int)interpolation, (int)border, fill));
        }

        return new ImageBuffer(map.Apply(source.Native, (int)interpolation, (int)border, fill));
    }

    // A run that only crops (whole pixels, inside the source), scales along the axes and mirrors is
    // a cv::resize of the crop, mirrored, for every interpolation but nearest (whose resize rounds
    // coordinates differently from the warp's): the mapping of pixel centres is the warp's, the
    // weights are finer (a value may differ by 1), area averages as warps cannot, it takes a quarter
    // to a half of a warp's time (RandomResizedCrop, Resize, crops), and an enlarging resize repeats
    // the crop's edge where the warp's outermost samples fall beyond it: at the image's edge, into the
    // constant border, which blended the fill into the outermost rows and columns.
    private (int X, int Y, int Width, int Height, int Flip)? AxisAlignedCrop()
    {
        if (_steps.Any(s => s.Field is not null))
        {
            return null;
        }

        var m = CombinedForward();
        if (m.M01 != 0 || m.M10 != 0 || !m.IsAffine || m.M00 == 0 || m.M11 == 0)
        {
            return null;
        }

        // A mirrored axis (negative scale) is the unmirrored mapping followed by x'' = W - 1 - x'.
        var (sx, tx) = m.M00 > 0 ? (m.M00, m.M02) : (-m.M00, OutputSize.Width - 1 - m.M02);
        var (sy, ty) = m.M11 > 0 ? (m.M11, m.M12) : (-m.M11, OutputSize.Height - 1 - m.M12);
        var flip = (m.M00 < 0 ? 1 : 0) | (m.M11 < 0 ? 2 : 0);

        // x' = (x - x0 + 0.5) * s - 0.5 for a crop at x0 of width W / s resized to W.
        var (w, h) = (OutputSize.Width / sx, OutputSize.Height / sy);
        var (x0, y0) = ((((0.5 * sx) - 0.5 - tx) / sx), (((0.5 * sy) - 0.5 - ty) / sy));
        bool Whole(double v) => Math.Abs(v - Math.Round(v)) < Snap;
        if (!Whole(w) || !Whole(h) || !Whole(x0) || !Whole(y0))
        {
            return null;
        }

        var crop = ((int)Math.Round(x0), (int)Math.Round(y0), (int)Math.Round(w), (int)Math.Round(h), flip);
        return crop.Item1 >= 0 && crop.Item2 >= 0 && crop.Item1 + crop.Item3 <= InputSize.Width && crop.Item2 + crop.Item4 <= InputSize.Height
            ? crop
            : null;
    }

    private Matrix3x3 CombinedForward() => _steps.Aggregate(Matrix3x3.Identity, (total, step) => step.Forward * total);

    // For each output pixel, walks the steps backwards: matrices (consecutive ones combined) by their
    // inverse, displacement fields by adding the field's displacement at the point. Null when no step
    // has a field (a matrix warp does). RemapMapBuilder builds the map (through NativeMap, into OpenCV's
    // Mats), with the arithmetic of Matrix3x3.Apply and DisplacementField.At.
    private NativeMap? BuildMap()
    {
        if (!_steps.Any(s => s.Field is not null))
        {
            return null;
        }

        var stages = new List<(Matrix3x3? Inverse, DisplacementField? Field)>();
        var pending = Matrix3x3.Identity;
        var hasPending = false;
        foreach (var step in _steps)
        {
            if (step.Field is { } field)
            {
                if (hasPending)
                {
                    stages.Add((pending.Inverse(), null));
                    (pending, hasPending) = (Matrix3x3.Identity, false);
                }

                stages.Add((null, field));
            }
            else
            {
                (pending, hasPending) = (step.Forward * pending, true);
            }
        }

        if (hasPending)
        {
            stages.Add((pending.Inverse(), null));
        }

        stages.Reverse();
        return NativeMap.Build(stages, OutputSize.Width, OutputSize.Height);
    }

    private static Matrix3x3 SnapToIntegers(Matrix3x3 m)
    {
        var values = m.ToArray().Select(v => Math.Abs(v - Math.Round(v)) < Snap ? Math.Round(v) : v).ToArray();
        return new Matrix3x3(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);
    }

    private static bool IsIdentityMatrix(Matrix3x3 m) => m == Matrix3x3.Identity;

    private static int Precision(Interpolation interpolation) => interpolation switch
    {
        Interpolation.Nearest => 0,
        Interpolation.Linear => 1,
        Interpolation.Area => 2,
        Interpolation.Cubic => 3,
        _ => 4,
    };
}
