using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Spatial;

/// <summary>The sampled region, in input pixels.</summary>
public sealed record ResizedCropParams(int X, int Y, int Width, int Height) : IOpParams;

/// <summary>
/// Crops a random region of random area and aspect ratio and resizes it to <c>size</c> ([height,
/// width]), as torchvision's RandomResizedCrop (ten tries at a fitting region, then a centre crop of
/// the clamped ratio); crop and resize are one mapping.
/// </summary>
public sealed class RandomResizedCrop : SpatialOp<ResizedCropParams>
{
    private RandomResizedCrop(OpDescriptor descriptor, OpArguments arguments) : base(descriptor, arguments)
    {
    }

    public static OpDescriptor Definition { get; } = new(
        "RandomResizedCrop", OpFamily.Spatial, "crop a random area and aspect ratio, resize to a fixed size", 1.0,
        [
            new RangeParam("size", "output [height, width] in pixels", null, 1, 100_000, integer: true, ordered: false),
            new RangeParam("scale", "range of the crop's area as a fraction of the image's", (0.08, 1.0), 0.0001, 1),
            new RangeParam("ratio", "range of the crop's aspect ratio (width / height)", (0.75, 4.0 / 3.0), 0.01, 100),
            GeometryParams.Interpolation(),
        ],
        (d, a) => new RandomResizedCrop(d, a));

    public override ResizedCropParams Sample(RandomStream rng, ImageInfo input)
    {
        var (w, h) = (input.Width, input.Height);
        var area = (double)w * h;
        var (ratioLow, ratioHigh) = Arguments.Range("ratio");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * Draw(rng, "scale");
            var ratio = Math.Exp(rng.Uniform(Math.Log(ratioLow), Math.Log(ratioHigh)));
            var cw = (int)Math.Round(Math.Sqrt(target * ratio), MidpointRounding.AwayFromZero);
            var ch = (int)Math.Round(Math.Sqrt(target / ratio), MidpointRounding.AwayFromZero);
            if (cw > 0 && ch > 0 && cw <= w && ch <= h)
            {
                return new ResizedCropParams(rng.NextIntInclusive(0, w - cw), rng.NextIntInclusive(0, h - ch), cw, ch);
            }
        }

        // Fallback: the largest centred crop whose ratio is within range.
        var imageRatio = (double)w / h;
        var (fw, fh) = imageRatio < ratioLow ? (w, (int)Math.Round(w / ratioLow))
            : imageRatio > ratioHigh ? ((int)Math.Round(h * ratioHigh), h)
            : (w, h);
        return new ResizedCropParams((w - fw) / 2, (h - fh) / 2, fw, fh);
    }

    public override SpatialStep Transform(ResizedCropParams p, ImageInfo input)
    {
        var (height, width) = Arguments.Range("size");
        var size = new ImageSize((int)width, (int)height);
        return SpatialStep.Matrix(CropGeometry.ResizedRegion(p, size), size).With(Arguments);
    }
}
