using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>
/// Elastic deformation (Simard et al. 2003, as Albumentations): a random displacement field (standard
/// normal or uniform in [-1, 1] per pixel and axis), smoothed by a Gaussian of <c>sigma</c> pixels
/// (<see cref="FieldBlur"/>: OpenCV's kernel and borders, with bits that do not depend on the CPU) and
/// scaled by <c>alpha</c>. The field is folded into its run's single remap pass.
/// </summary>
public sealed class ElasticTransform(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<FieldSeedParams>(descriptor, arguments)
{
    private static readonly IReadOnlyList<(string, int?)> Distributions = [("gaussian", null), ("uniform", null)];

    public static OpDescriptor Definition { get; } = new(
        "ElasticTransform", OpFamily.Spatial, "smooth random elastic deformation", 0.5,
        [
            new NumberParam("alpha", "scale of the displacements, in pixels per unit of smoothed noise", 1, 0, 10_000),
            new NumberParam("sigma", "smoothing of the field, in pixels", 50, 0.01, 10_000),
            new BoolParam("same_dxdy", "use one field for both axes", false),
            new ChoiceParam("noise_distribution", "the noise the field starts from", "gaussian", Distributions),
            .. ResamplingArguments.Specs(borderMode: "reflect101"),
        ],
        (d, a) => new ElasticTransform(d, a));

    public override FieldSeedParams Sample(RandomStream rng, ImageInfo input) => new(rng.NextUInt64());

    public override ImageSize OutputSize(FieldSeedParams parameters, ImageInfo input) => input.Size;

    public override SpatialStep Transform(FieldSeedParams parameters, ImageInfo input)
    {
        var (w, h) = (input.Width, input.Height);
        var rng = RandomStream.ForField(parameters.FieldSeed);
        var gaussian = Arguments.Text("noise_distribution") == "gaussian";
        var dx = Noise(rng, w * h, gaussian);
        var dy = Arguments.Boolean("same_dxdy") ? Copy(dx) : Noise(rng, w * h, gaussian);
        var sigma = Arguments.Number("sigma");
        var alpha = (float)Arguments.Number("alpha");
        foreach (var field in new[] { dx, dy })
        {
            FieldBlur.GaussianBlur(field, w, h, sigma);
            Scale(field.AsSpan(0, w * h), alpha);
        }

        return new SpatialStep(Matrix3x3.Identity, input.Size, new DisplacementField(input.Size, dx, dy)).With(Arguments);
    }

    // FieldNormal() or Uniform(-1, 1) per value (docs/randomness.md), into an array the renderer
    // gives back once the field's run is resampled (FieldBuffers).
    private static float[] Noise(RandomStream rng, int count, bool gaussian)
    {
        var noise = FieldBuffers.Rent(count);
        RandomFields.Fill(rng, noise, gaussian);
        return noise;
    }

    // value *= alpha, a vector of floats at a time: each product is the same correctly rounded float
    // multiplication (a scalar loop over both axes of a 512x512 field, 524,288 values, took 0.5 ms).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // VectorWidths says why
    private static void Scale(Span<float> values, float alpha)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] *= alpha;
        }

        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++)
        {
            values[i] *= alpha;
        }
    }

    private static float[] Copy(float[] field)
    {
        var copy = FieldBuffers.Rent(field.Length);
        field.CopyTo(copy, 0);
        return copy;
    }
}
