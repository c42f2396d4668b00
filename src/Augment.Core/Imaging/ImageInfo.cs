using Augment.Core.Geometry;

namespace Augment.Core.Imaging;

/// <summary>An image's shape without its pixels: what sampling may look at.</summary>
public readonly record struct ImageInfo(int Width, int Height, int Channels, int DepthBits)
{
    public ImageSize Size => new(Width, Height);

    /// <summary>The largest sample value: 255 or 65535. Photometric ops scale to it.</summary>
    public double MaxValue => DepthBits == 16 ? 65535.0 : 255.0;

    public ImageInfo WithSize(ImageSize size) => this with { Width = size.Width, Height = size.Height };

    public static ImageInfo Of(ImageBuffer image) => new(image.Width, image.Height, image.Channels, image.DepthBits);
}
