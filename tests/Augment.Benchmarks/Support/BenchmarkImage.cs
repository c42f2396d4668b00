using Augment.Core.Imaging;
using Augment.Core.Pipeline;

namespace Augment.Benchmarks.Support;

/// <summary>The two inputs every pixel benchmark runs on.</summary>
public enum BenchmarkImage
{
    /// <summary>8-bit gray, 512x512: sample-dataset/images/astronaut.png converted to gray.</summary>
    Gray512x512,

    /// <summary>8-bit BGR, 1024x768: sample-dataset/images/coffee.png (600x400), its centre 4:3 crop enlarged.</summary>
    Colour1024x768,
}

/// <summary>Makes the benchmark inputs from the repository's sample images: deterministic, nothing downloaded or random.</summary>
internal static class BenchmarkImages
{
    /// <summary>A new buffer the caller owns.</summary>
    public static ImageBuffer Load(BenchmarkImage image)
    {
        switch (image)
        {
            case BenchmarkImage.Gray512x512:
                {
                    using var astronaut = Decode("astronaut.png");
                    return astronaut.Convert(channels: 1, depthBits: 8);
                }

            case BenchmarkImage.Colour1024x768:
                {
                    // The crop and the resize are fused into one resampling pass, as the engine does.
                    using var coffee = Decode("coffee.png");
                    var config = Pipelines.Parse("CenterCrop: { height: 400, width: 533 }", "Resize: { height: 768, width: 1024, p: 1 }");
                    var (_, result) = ItemRenderer.Render(config, "images/coffee.png", 0, coffee, []);
                    return result.Image;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(image), image, null);
        }
    }

    /// <summary>
    /// The relative path the inputs are rendered as, for item seeds: one for both, so that an op
    /// draws the same parameters on both wherever they do not depend on the size (a kernel, an angle).
    /// </summary>
    public const string ItemPath = "images/benchmark.png";

    private static ImageBuffer Decode(string name) =>
        ImageCodec.DecodeFile(Path.Combine(Repository.SampleDataset, "images", name));
}
