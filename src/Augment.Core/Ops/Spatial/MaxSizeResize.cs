using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>
/// LongestMaxSize and SmallestMaxSize: scale so that the longest (or smallest) side is
/// <c>max_size</c>, keeping the aspect ratio; the other side is rounded to whole pixels.
/// </summary>
public sealed class MaxSizeResize : SpatialOp<NoParams>
{
    private readonly bool _longest;

    private MaxSizeResize(OpDescriptor descriptor, OpArguments arguments, bool longest) : base(descriptor, arguments) => _longest = longest;

    public static OpDescriptor Longest { get; } = Define("LongestMaxSize", "longest", true);

    public static OpDescriptor Smallest { get; } = Define("SmallestMaxSize", "smallest", false);

    public override NoParams Sample(RandomStream rng, ImageInfo input) => NoParams.Instance;

    public override SpatialStep Transform(NoParams parameters, ImageInfo input)
    {
        var target = Arguments.Integer("max_size");
        var side = _longest ? Math.Max(input.Width, input.Height) : Math.Min(input.Width, input.Height);
        var scale = (double)target / side;
        var size = new ImageSize(
            Math.Max(1, (int)Math.Round(input.Width * scale, MidpointRounding.AwayFromZero)),
            Math.Max(1, (int)Math.Round(input.Height * scale, MidpointRounding.AwayFromZero)));
        return SpatialStep.Matrix(Matrix3x3.Resize(input.Size, size), size).With(Arguments);
    }

    private static OpDescriptor Define(string name, string which, bool longest) => new(
        name, OpFamily.Spatial, $"scale so that the {which} side is max_size, keeping the aspect ratio", 1.0,
        [
            new NumberParam("max_size", $"length of the {which} side after scaling, in pixels", 1024, 1, 100_000, integer: true),
            GeometryParams.Interpolation(),
        ],
        (d, a) => new MaxSizeResize(d, a, longest));
}
