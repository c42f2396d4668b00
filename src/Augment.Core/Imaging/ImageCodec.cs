using System.Globalization;
using Augment.Core.Imaging.Formats;
using Augment.Core.OpenCv;

namespace Augment.Core.Imaging;

/// <summary>
/// Decodes and encodes images through OpenCV, from and to memory: the caller reads a file once, so
/// the bytes it hashes are the bytes decoded. Bad input becomes an <see cref="InvalidImageException"/>
/// naming the file; nothing is printed to stderr.
/// </summary>
public static class ImageCodec
{
    /// <summary>Reads and decodes one file.</summary>
    public static ImageBuffer DecodeFile(string path, ImageLimits? limits = null) =>
        Decode(File.ReadAllBytes(path), path, limits);

    /// <summary>
    /// Decodes with IMREAD_UNCHANGED semantics: depth, channel count and alpha are kept; colour comes
    /// out in OpenCV's BGR(A) order.
    /// </summary>
    public static ImageBuffer Decode(ReadOnlyMemory<byte> encoded, string filePath, ImageLimits? limits = null)
    {
        limits ??= ImageLimits.Default;
        ReadOnlyMemory<byte> toDecode;
        ImageHeader header;
        try
        {
            header = ImageHeaderReader.Read(encoded.Span);
            // The decompression-bomb guard: refuse before OpenCV allocates anything.
            if (header.Pixels > limits.MaxPixels)
            {
                throw new InvalidDataException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"the {header.Format.DisplayName()} header declares {header.Width}x{header.Height} = {header.Pixels:N0} pixels, over limits.max_pixels ({limits.MaxPixels:N0})"));
            }

            // JPEG's header read has already walked the whole marker structure to EOI.
            toDecode = header.Format == ImageFormat.Png ? PngStructure.PrepareForDecode(encoded) : encoded;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidImageException(filePath, e.Message, e);
        }

        NativeImage native;
        try
        {
            native = NativeImage.Decode(toDecode.Span, filePath);
        }
        catch (AugmentNativeException e) when (e.Status is NativeStatus.DecodeFailed or NativeStatus.OpenCvError)
        {
            throw new InvalidImageException(filePath, $"corrupt {header.Format.DisplayName()}: {e.NativeMessage}", e);
        }

        if (native.Width != header.Width || native.Height != header.Height)
        {
            var decoded = $"{native.Width}x{native.Height}";
            native.Dispose();
            throw new InvalidImageException(
                filePath, $"corrupt {header.Format.DisplayName()}: the header declares {header.Width}x{header.Height} but {decoded} decoded");
        }

        return new ImageBuffer(native);
    }

    /// <summary>
    /// Encodes a dataset output: an image of a shape the format cannot store is first converted to
    /// the nearest one it can (<see cref="EncodeSettings.StorableShape"/>), as cv2.imwrite does.
    /// </summary>
    public static byte[] EncodeOutput(ImageBuffer image, EncodeSettings settings, string? filePath = null)
    {
        var (depth, channels) = settings.StorableShape(image.DepthBits, image.Channels);
        if (depth == image.DepthBits && channels == image.Channels)
        {
            return Encode(image, settings, filePath);
        }

        using var storable = image.Convert(channels, depth);
        return Encode(storable, settings, filePath);
    }

    /// <summary>Encodes <paramref name="image"/>; <paramref name="filePath"/> only names it in errors.</summary>
    public static byte[] Encode(ImageBuffer image, EncodeSettings settings, string? filePath = null)
    {
        var unsupported = settings.Unsupported(image.DepthBits, image.Channels);
        if (unsupported is not null)
        {
            throw new ArgumentException(
                $"{filePath ?? "image"} ({image}) cannot be written as {settings.Format}: {unsupported}", nameof(image));
        }

        return image.Native.Encode(settings.Format.EncoderExtension(), settings.ToOpenCvParameters(), filePath);
    }
}
