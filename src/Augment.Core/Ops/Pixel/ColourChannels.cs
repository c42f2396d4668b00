using Augment.Core.Imaging;

namespace Augment.Core.Ops.Pixel;

/// <summary>
/// Applies a point operation to the colour channels only: on a 4-channel image the alpha channel is
/// kept as it was (photometric ops change what is seen, not what is transparent).
/// </summary>
internal static class ColourChannels
{
    public static void Apply(ImageBuffer image, Func<double, double> function)
    {
        if (image.Channels != 4)
        {
            LookupTable.Apply(image, function);
            return;
        }

        var bytesPerSample = image.DepthBits / 8;
        var alpha = new byte[image.Width * image.Height * bytesPerSample];
        CopyAlpha(image, alpha, toImage: false);
        LookupTable.Apply(image, function);
        CopyAlpha(image, alpha, toImage: true);
    }

    private static void CopyAlpha(ImageBuffer image, byte[] alpha, bool toImage)
    {
        var bytesPerSample = image.DepthBits / 8;
        var pixelBytes = 4 * bytesPerSample;
        var at = 0;
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                var sample = row.Slice((x * pixelBytes) + (3 * bytesPerSample), bytesPerSample);
                if (toImage)
                {
                    alpha.AsSpan(at, bytesPerSample).CopyTo(sample);
                }
                else
                {
                    sample.CopyTo(alpha.AsSpan(at, bytesPerSample));
                }

                at += bytesPerSample;
            }
        }
    }
}
