namespace Augment.Core.Imaging.Formats;

/// <summary>What an encoded image declares about itself before any pixel is decoded.</summary>
internal readonly record struct ImageHeader(ImageFormat Format, int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
