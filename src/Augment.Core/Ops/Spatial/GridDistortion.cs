using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>The sampled stretch of each grid cell along x and along y (1 means unchanged).</summary>
public sealed record GridDistortionParams(IReadOnlyList<double> StepsX, IReadOnlyList<double> StepsY) : IOpParams
{
    public bool Equals(GridDistortionParams? other) =>
        other is not null && StepsX.SequenceEqual(other.StepsX) && StepsY.SequenceEqual(other.StepsY);

    public override int GetHashCode() => StepsX.Count;
}

/// <summary>
/// Divides the image into <c>num_steps</c> columns and rows and stretches each by 1 + a draw from
/// <c>distort_limit</c>, as Albumentations; with <c>normalized</c> the stretched grid still spans the
/// image. A separable displacement field, folded into its run's single pass.
/// </summary>
public sealed class GridDistortion(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<GridDistortionParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "GridDistortion", OpFamily.Spatial, "stretch the cells of a grid by random amounts", 0.5,
        [
            new NumberParam("num_steps", "grid cells per side", 5, 1, 1000, integer: true),
            new RangeParam("distort_limit", "range of each cell's stretch: 1 + d; x means [-x, x]", (-0.3, 0.3), -0.99, 10, ScalarRange.Symmetric),
            new BoolParam("normalized", "rescale so that the distorted grid spans the image", true),
            .. ResamplingArguments.Specs(borderMode: "reflect101"),
        ],
        (d, a) => new GridDistortion(d, a));

    public override GridDistortionParams Sample(RandomStream rng, ImageInfo input)
    {
        var steps = Arguments.Integer("num_steps");
        var (low, high) = Arguments.Range("distort_limit");
        var x = Enumerable.Range(0, steps).Select(_ => 1 + rng.Uniform(low, high)).ToArray();
        var y = Enumerable.Range(0, steps).Select(_ => 1 + rng.Uniform(low, high)).ToArray();
        return new GridDistortionParams(x, y);
    }

    public override ImageSize OutputSize(GridDistortionParams parameters, ImageInfo input) => input.Size;

    public override SpatialStep Transform(GridDistortionParams p, ImageInfo input)
    {
        var (w, h) = (input.Width, input.Height);
        var normalized = Arguments.Boolean("normalized");
        var columns = Displacements(w, p.StepsX, normalized);
        var rows = Displacements(h, p.StepsY, normalized);
        var dx = new float[w * h];
        var dy = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                dx[(y * w) + x] = columns[x];
                dy[(y * w) + x] = rows[y];
            }
        }

        return new SpatialStep(Matrix3x3.Identity, input.Size, new DisplacementField(input.Size, dx, dy)).With(Arguments);
    }

    // Output coordinate t in cell i (cells of length n / steps) samples the source at the stretched
    // grid's position; the displacement is that position minus t.
    private static float[] Displacements(int length, IReadOnlyList<double> stretch, bool normalized)
    {
        var cell = (double)length / stretch.Count;
        var edges = new double[stretch.Count + 1];
        for (var i = 0; i < stretch.Count; i++)
        {
            edges[i + 1] = edges[i] + (cell * stretch[i]);
        }

        var scale = normalized ? length / edges[^1] : 1.0;
        var result = new float[length];
        for (var t = 0; t < length; t++)
        {
            var position = t + 0.5; // pixel centres
            var i = Math.Min(stretch.Count - 1, (int)(position / cell));
            var within = (position - (i * cell)) / cell;
            var source = (edges[i] + (within * (edges[i + 1] - edges[i]))) * scale;
            result[t] = (float)(source - position);
        }

        return result;
    }
}
