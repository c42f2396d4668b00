using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>
/// One of the square's eight symmetries, by Albumentations' name: <c>e</c> (as it is), <c>r90</c>,
/// <c>r180</c>, <c>r270</c> (quarter turns counter-clockwise, as numpy's rot90), <c>v</c>
/// (vertical flip), <c>h</c> (horizontal flip), <c>t</c> (transpose), <c>hvt</c> (transpose of
/// the half turn: the anti-diagonal mirror).
/// </summary>
public sealed record SquareSymmetryParams(string Element) : IOpParams;

/// <summary>
/// Albumentations' SquareSymmetry (and D4, its earlier name): one of the eight symmetries of the
/// square, drawn uniformly, moving whole pixels (no resampling loss). On a non-square image the
/// turns by 90 and 270 degrees and both mirrors about a diagonal swap width and height.
/// </summary>
public sealed class SquareSymmetry(OpDescriptor descriptor, OpArguments arguments) : SpatialOp<SquareSymmetryParams>(descriptor, arguments)
{
    /// <summary>The elements in Albumentations' order (d4_group_elements).</summary>
    public static IReadOnlyList<string> Elements { get; } = ["e", "r90", "r180", "r270", "v", "hvt", "h", "t"];

    public static OpDescriptor Definition { get; } = Describe("SquareSymmetry");

    /// <summary>Albumentations' earlier name of the same transform.</summary>
    public static OpDescriptor D4 { get; } = Describe("D4");

    public override SquareSymmetryParams Sample(RandomStream rng, ImageInfo input) => new(Elements[(int)rng.NextInt64(0, Elements.Count)]);

    public override SpatialStep Transform(SquareSymmetryParams parameters, ImageInfo input)
    {
        var (w, h) = (input.Width, input.Height);
        var swapped = new ImageSize(h, w);
        // Where the input pixel (x, y) goes: x' = a x + b y + c, y' = d x + e y + f.
        return parameters.Element switch
        {
            "e" => SpatialStep.Matrix(Matrix3x3.Identity, input.Size),
            "r90" => SpatialStep.Matrix(new Matrix3x3(0, 1, 0, -1, 0, w - 1, 0, 0, 1), swapped),
            "r180" => SpatialStep.Matrix(new Matrix3x3(-1, 0, w - 1, 0, -1, h - 1, 0, 0, 1), input.Size),
            "r270" => SpatialStep.Matrix(new Matrix3x3(0, -1, h - 1, 1, 0, 0, 0, 0, 1), swapped),
            "v" => SpatialStep.Matrix(new Matrix3x3(1, 0, 0, 0, -1, h - 1, 0, 0, 1), input.Size),
            "h" => SpatialStep.Matrix(new Matrix3x3(-1, 0, w - 1, 0, 1, 0, 0, 0, 1), input.Size),
            "t" => SpatialStep.Matrix(new Matrix3x3(0, 1, 0, 1, 0, 0, 0, 0, 1), swapped),
            "hvt" => SpatialStep.Matrix(new Matrix3x3(0, -1, h - 1, -1, 0, w - 1, 0, 0, 1), swapped),
            _ => throw new ArgumentException($"{parameters.Element} is not one of the square's symmetries ({string.Join(", ", Elements)})", nameof(parameters)),
        };
    }

    private static OpDescriptor Describe(string name) => new(
        name, OpFamily.Spatial, "one of the square's 8 symmetries (turns by 0, 90, 180, 270 degrees, flips, the two diagonal mirrors), drawn uniformly", 0.5, [],
        (d, a) => new SquareSymmetry(d, a));
}
