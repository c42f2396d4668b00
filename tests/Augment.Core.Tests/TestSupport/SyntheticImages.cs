using Augment.Core.Imaging;

namespace Augment.Core.Tests.TestSupport;

/// <summary>Images filled with seeded pseudo-random samples: every bit of every sample varies.</summary>
internal static class SyntheticImages
{
    public static ImageBuffer Random(int width, int height, int depthBits, int channels, int seed = 1234)
    {
        var image = ImageBuffer.Create(width, height, depthBits, channels);
        var random = new Random(seed);
        for (var y = 0; y < height; y++)
        {
            random.NextBytes(image.Row(y));
        }

        // Pin the extremes so that 0 and the full-scale value (255 or 65535) are always present.
        image.Row(0)[..(depthBits / 8)].Fill(0x00);
        image.Row(height - 1)[^(depthBits / 8)..].Fill(0xFF);
        return image;
    }

    /// <summary>Encodes a fresh random image of the given shape.</summary>
    public static byte[] Encoded(EncodeSettings settings, int width, int height, int channels = 3, int depthBits = 8)
    {
        using var image = Random(width, height, depthBits, channels);
        return ImageCodec.Encode(image, settings);
    }
}
