using Augment.Core.Geometry;
using Augment.Core.Imaging;
using Augment.Core.Ops.Parameters;
using Augment.Core.Randomness;

namespace Augment.Core.Ops.Pixel;

public sealed record QualityParams(int Quality) : IOpParams;

/// <summary>
/// A JPEG or WebP round trip at a quality drawn from <c>quality_range</c>, through the same OpenCV
/// codecs outputs use. Alpha is kept aside and restored; 16-bit images go through 8 bits and back.
/// </summary>
public sealed class ImageCompression(OpDescriptor descriptor, OpArguments arguments) : PixelOp<QualityParams>(descriptor, arguments)
{
    private static readonly IReadOnlyList<(string, int?)> Types = [("jpeg", null), ("webp", null)];

    public static OpDescriptor Definition { get; } = new(
        "ImageCompression", OpFamily.Pixel, "lossy JPEG or WebP round trip", 0.5,
        [
            new ChoiceParam("compression_type", "the codec", "jpeg", Types),
            new RangeParam("quality_range", "quality range (1-100)", (99, 100), 1, 100, integer: true),
        ],
        (d, a) => new ImageCompression(d, a));

    public override QualityParams Sample(RandomStream rng, ImageInfo input)
    {
        var (low, high) = Arguments.Range("quality_range");
        return new QualityParams(rng.NextIntInclusive((int)low, (int)high));
    }

    public override ImageBuffer Apply(ImageBuffer image, QualityParams p)
    {
        var webp = Arguments.Text("compression_type") == "webp";
        var settings = new EncodeSettings(webp ? ImageFormat.WebP : ImageFormat.Jpeg) { JpegQuality = p.Quality, WebpQuality = p.Quality };
        // WebP stores colour only; JPEG has no alpha; neither has 16 bits.
        var channels = image.Channels == 1 && !webp ? 1 : 3;
        using var encodable = new ImageBuffer(image.Native.Convert(channels, 8));
        using var decoded = ImageCodec.Decode(ImageCodec.Encode(encodable, settings), "(ImageCompression)");
        image.Native.SetColour(decoded.Native);
        return image;
    }
}

public sealed record DownscaleParams(double Scale) : IOpParams;

/// <summary>Resizes down by a factor from <c>scale_range</c> and back up, losing detail; the size is kept.</summary>
public sealed class Downscale(OpDescriptor descriptor, OpArguments arguments) : PixelOp<DownscaleParams>(descriptor, arguments)
{
    public static OpDescriptor Definition { get; } = new(
        "Downscale", OpFamily.Pixel, "reduce resolution and scale back up", 0.5,
        [
            new RangeParam("scale_range", "downscale factor range", (0.25, 0.25), 0.01, 0.99),
            GeometryParams.Interpolation("nearest"),
        ],
        (d, a) => new Downscale(d, a));

    public override DownscaleParams Sample(RandomStream rng, ImageInfo input)
    {
        var (low, high) = Arguments.Range("scale_range");
        return new DownscaleParams(rng.Uniform(low, high));
    }

    public override ImageBuffer Apply(ImageBuffer image, DownscaleParams p)
    {
        var interpolation = (int)GeometryParams.ParseInterpolation(Arguments.Text("interpolation"));
        var w = Math.Max(1, (int)Math.Round(image.Width * p.Scale, MidpointRounding.AwayFromZero));
        var h = Math.Max(1, (int)Math.Round(image.Height * p.Scale, MidpointRounding.AwayFromZero));
        using var small = new ImageBuffer(image.Native.Resize(w, h, interpolation));
        return new ImageBuffer(small.Native.Resize(image.Width, image.Height, interpolation));
    }
}
