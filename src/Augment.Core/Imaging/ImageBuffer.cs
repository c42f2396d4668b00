using Augment.Core.OpenCv;

namespace Augment.Core.Imaging;

/// <summary>
/// An image in memory: 8- or 16-bit unsigned samples, 1 (gray), 3 (BGR, OpenCV's order) or 4 (BGRA)
/// channels, rows without padding between samples. The pixels live in native memory so that OpenCV
/// works on them in place; dispose the buffer to free them.
/// </summary>
public sealed class ImageBuffer : IDisposable
{
    internal ImageBuffer(NativeImage native) => Native = native;

    public int Width => Native.Width;

    public int Height => Native.Height;

    public int Channels => Native.Channels;

    /// <summary>Bits per sample: 8 or 16.</summary>
    public int DepthBits => Native.DepthBits;

    public int BytesPerPixel => Channels * (DepthBits / 8);

    internal NativeImage Native { get; }

    public static ImageBuffer Create(int width, int height, int depthBits, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (depthBits is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(depthBits), depthBits, "depth must be 8 or 16 bits");
        }

        if (channels is not (1 or 3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be 1, 3 or 4");
        }

        return new ImageBuffer(NativeImage.Create(width, height, depthBits, channels));
    }

    /// <summary>A copy with another channel count (alpha dropped, or added opaque) and depth (8 and 16 bit scale by 257).</summary>
    public ImageBuffer Convert(int channels, int depthBits) => new(Native.Convert(channels, depthBits));

    /// <summary>A deep copy with its own pixels.</summary>
    public ImageBuffer Clone()
    {
        var copy = Create(Width, Height, DepthBits, Channels);
        for (var y = 0; y < Height; y++)
        {
            Row(y).CopyTo(copy.Row(y));
        }

        return copy;
    }

    /// <summary>Row <paramref name="y"/> as bytes (16-bit samples in the machine's byte order).</summary>
    public Span<byte> Row(int y) => Native.Row(y);

    /// <summary>A copy of every pixel, row after row, with no padding.</summary>
    public byte[] ToPackedArray()
    {
        var rowBytes = Width * BytesPerPixel;
        var packed = new byte[rowBytes * Height];
        for (var y = 0; y < Height; y++)
        {
            Row(y).CopyTo(packed.AsSpan(y * rowBytes, rowBytes));
        }

        return packed;
    }

    public override string ToString() => $"{Width}x{Height}, {Channels} channel(s), {DepthBits}-bit";

    public void Dispose() => Native.Dispose();
}
