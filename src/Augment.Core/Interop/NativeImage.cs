namespace Augment.Core.Interop;

/// <summary>
/// One native image and the calls that make or consume one. The pixels live in native memory (a
/// cv::Mat) so that OpenCV works on them without copies; managed code reaches them as spans.
/// </summary>
internal sealed unsafe class NativeImage : IDisposable
{
    private readonly NativeImageHandle _handle;
    private readonly NativeMethods.ImageDescription _description;

    private NativeImage(NativeImageHandle handle)
    {
        _handle = handle;
        NativeMethods.Check(NativeMethods.ImageDescribe(handle, out _description));
    }

    public int Width => _description.Width;

    public int Height => _description.Height;

    public int DepthBits => _description.DepthBits;

    public int Channels => _description.Channels;

    public long Step => _description.Step;

    internal NativeImageHandle Handle => _handle;

    public static NativeImage Create(int width, int height, int depthBits, int channels)
    {
        NativeMethods.Check(NativeMethods.ImageCreate(width, height, depthBits, channels, out var handle));
        return new NativeImage(handle);
    }

    /// <summary>
    /// Decodes with IMREAD_UNCHANGED semantics (JPEG through libjpeg and plain PNG through zlib directly, as OpenCV would).
    /// Throws <see cref="AugmentNativeException"/>.
    /// </summary>
    public static NativeImage Decode(ReadOnlySpan<byte> encoded, string? filePath) => Decode(encoded, filePath, CodecPath.Any);

    /// <param name="path">Which decoder reads the file: for tests of the direct JPEG and PNG paths against OpenCV's.</param>
    internal static NativeImage Decode(ReadOnlySpan<byte> encoded, string? filePath, CodecPath path)
    {
        fixed (byte* data = encoded)
        {
            NativeImageHandle handle;
            NativeMethods.Check(
                path switch
                {
                    CodecPath.OpenCvOnly => NativeMethods.ImageDecodeOpenCv(data, encoded.Length, out handle),
                    CodecPath.DirectOnly => NativeMethods.TestImageDecodeDirect(data, encoded.Length, out handle),
                    _ => NativeMethods.ImageDecode(data, encoded.Length, out handle),
                },
                filePath);
            return new NativeImage(handle);
        }
    }

    /// <summary>Encodes to the format of <paramref name="extension"/> with OpenCV's IMWRITE_* pairs.</summary>
    public byte[] Encode(string extension, ReadOnlySpan<int> parameters, string? filePath) => Encode(extension, parameters, filePath, CodecPath.Any);

    /// <param name="path">Which encoder writes the file: for tests of the direct JPEG and PNG paths against OpenCV's.</param>
    internal byte[] Encode(string extension, ReadOnlySpan<int> parameters, string? filePath, CodecPath path)
    {
        fixed (int* pairs = parameters)
        {
            NativeBufferHandle buffer;
            NativeMethods.Check(
                path switch
                {
                    CodecPath.OpenCvOnly => NativeMethods.ImageEncodeOpenCv(_handle, extension, pairs, parameters.Length, out buffer),
                    CodecPath.DirectOnly => NativeMethods.TestImageEncodeDirect(_handle, extension, pairs, parameters.Length, out buffer),
                    _ => NativeMethods.ImageEncode(_handle, extension, pairs, parameters.Length, out buffer),
                },
                filePath);
            using (buffer)
            {
                NativeMethods.Check(NativeMethods.BufferDescribe(buffer, out var bytes, out var length), filePath);
                return new ReadOnlySpan<byte>(bytes, checked((int)length)).ToArray();
            }
        }
    }

    /// <summary>One warpAffine/warpPerspective pass; <paramref name="inverse"/> maps output to input coordinates (9 values, row-major).</summary>
    public NativeImage Warp(ReadOnlySpan<double> inverse, int width, int height, int interpolation, int borderMode, ReadOnlySpan<double> fill4)
    {
        fixed (double* m = inverse)
        fixed (double* f = fill4)
        {
            NativeMethods.Check(NativeMethods.ImageWarp(_handle, m, width, height, interpolation, borderMode, f, out var result));
            return new NativeImage(result);
        }
    }

    /// <summary>One remap pass: output (x, y) samples the input at (mapX, mapY)[y * width + x].</summary>
    public NativeImage Remap(ReadOnlySpan<float> mapX, ReadOnlySpan<float> mapY, int width, int height, int interpolation, int borderMode, ReadOnlySpan<double> fill4)
    {
        fixed (float* x = mapX)
        fixed (float* y = mapY)
        fixed (double* f = fill4)
        {
            NativeMethods.Check(NativeMethods.ImageRemap(_handle, x, y, width, height, interpolation, borderMode, f, out var result));
            return new NativeImage(result);
        }
    }

    /// <summary>One remap pass through a map built by <see cref="NativeMap"/>.</summary>
    internal NativeImage RemapWith(NativeMapHandle map, int interpolation, int borderMode, ReadOnlySpan<double> fill4)
    {
        fixed (double* f = fill4)
        {
            NativeMethods.Check(NativeMethods.ImageRemapMap(_handle, map, interpolation, borderMode, f, out var result));
            return new NativeImage(result);
        }
    }

    /// <summary>GaussNoise in place from a xoshiro256** state (4 words, advanced): see aug_image_gauss_noise.</summary>
    public void GaussNoise(Span<ulong> state, double mean, double standardDeviation, bool perChannel)
    {
        fixed (ulong* s = state)
        {
            NativeMethods.Check(NativeMethods.ImageGaussNoise(_handle, s, mean, standardDeviation, perChannel ? 1 : 0));
        }
    }

    /// <summary>
    /// <see cref="GaussNoise"/>, with <paramref name="vectorise"/> false running the scalar code only:
    /// for tests of the two against each other (aug_test_gauss_noise).
    /// </summary>
    internal void TestGaussNoise(Span<ulong> state, double mean, double standardDeviation, bool perChannel, bool vectorise)
    {
        fixed (ulong* s = state)
        {
            NativeMethods.Check(NativeMethods.TestGaussNoise(_handle, s, mean, standardDeviation, perChannel ? 1 : 0, vectorise ? 1 : 0));
        }
    }

    /// <summary>Maps every sample through <paramref name="table"/> (256 entries for 8-bit, 65536 for 16-bit), in place.</summary>
    public void ApplyLookupTable(ReadOnlySpan<ushort> table)
    {
        fixed (ushort* t = table)
        {
            NativeMethods.Check(NativeMethods.ImageLut(_handle, t, table.Length));
        }
    }

    public void GaussianBlur(int kernelX, int kernelY, double sigmaX, double sigmaY) =>
        NativeMethods.Check(NativeMethods.ImageGaussianBlur(_handle, kernelX, kernelY, sigmaX, sigmaY));

    /// <summary>A copy with another channel count (alpha dropped or added opaque) and depth (scaled by 257).</summary>
    public NativeImage Convert(int channels, int depthBits)
    {
        NativeMethods.Check(NativeMethods.ImageConvert(_handle, channels, depthBits, out var result));
        return new NativeImage(result);
    }

    /// <summary>Writes <paramref name="colour"/> into this image's colour channels, keeping alpha and depth.</summary>
    public void SetColour(NativeImage colour) => NativeMethods.Check(NativeMethods.ImageSetColour(_handle, colour._handle));

    public void OverlayLabels(NativeImage labels, double alpha) =>
        NativeMethods.Check(NativeMethods.ImageOverlayLabels(_handle, labels._handle, alpha));

    public void Paste(NativeImage source, int x, int y) => NativeMethods.Check(NativeMethods.ImagePaste(_handle, source._handle, x, y));

    public void HsvShift(double hueDegrees, double saturation, double value) =>
        NativeMethods.Check(NativeMethods.ImageHsvShift(_handle, hueDegrees, saturation, value));

    /// <summary>HsvShift's per-pixel step on float HSV triples, vectorised as the op runs it or scalar only: for tests of the two against each other.</summary>
    internal static void HsvShiftPixels(Span<float> hsv, double hueDegrees, double saturation, double value, bool vectorise)
    {
        fixed (float* p = hsv)
        {
            NativeMethods.Check(NativeMethods.TestHsvShiftPixels(p, hsv.Length / 3, hueDegrees, saturation, value, vectorise ? 1 : 0));
        }
    }

    /// <summary>torchvision-style ColorJitter; <paramref name="order"/> is a permutation of 0 (brightness), 1 (contrast), 2 (saturation), 3 (hue).</summary>
    public void ColorJitter(double brightness, double contrast, double saturation, double hueDegrees, ReadOnlySpan<int> order)
    {
        fixed (int* o = order)
        {
            NativeMethods.Check(NativeMethods.ImageColorJitter(_handle, brightness, contrast, saturation, hueDegrees, o));
        }
    }

    /// <summary>Adds one value per channel, saturating.</summary>
    public void Add(ReadOnlySpan<double> perChannel)
    {
        fixed (double* v = perChannel)
        {
            NativeMethods.Check(NativeMethods.ImageAdd(_handle, v, perChannel.Length));
        }
    }

    public void ToGray() => NativeMethods.Check(NativeMethods.ImageToGray(_handle));

    public void Clahe(double clipLimit, int tilesX, int tilesY) => NativeMethods.Check(NativeMethods.ImageClahe(_handle, clipLimit, tilesX, tilesY));

    public void Equalize() => NativeMethods.Check(NativeMethods.ImageEqualize(_handle));

    /// <summary>Sets a rectangle, clipped to the image, to a 4-value fill.</summary>
    public void FillRectangle(int x, int y, int width, int height, ReadOnlySpan<double> fill4)
    {
        fixed (double* f = fill4)
        {
            NativeMethods.Check(NativeMethods.ImageFillRect(_handle, x, y, width, height, f));
        }
    }

    public void MedianBlur(int kernel) => NativeMethods.Check(NativeMethods.ImageMedianBlur(_handle, kernel));

    /// <summary>Convolves with a row-major kernel (correlation, as cv::filter2D), reflecting at the border.</summary>
    public void Filter(ReadOnlySpan<float> kernel, int width, int height)
    {
        fixed (float* k = kernel)
        {
            NativeMethods.Check(NativeMethods.ImageFilter2D(_handle, k, width, height));
        }
    }

    /// <param name="flip">0 none, 1 mirrored horizontally, 2 vertically, 3 both (after the resize).</param>
    public NativeImage CropResize(int x, int y, int width, int height, int outWidth, int outHeight, int interpolation, int flip = 0)
    {
        NativeMethods.Check(NativeMethods.ImageCropResize(_handle, x, y, width, height, outWidth, outHeight, interpolation, flip, out var result));
        return new NativeImage(result);
    }

    public NativeImage Resize(int width, int height, int interpolation)
    {
        NativeMethods.Check(NativeMethods.ImageResize(_handle, width, height, interpolation, out var result));
        return new NativeImage(result);
    }

    /// <summary>The bytes of row <paramref name="y"/> (Width * Channels samples, no padding).</summary>
    public Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var rowBytes = Width * Channels * (DepthBits / 8);
        return new Span<byte>(_description.Data + (y * Step), rowBytes);
    }

    public void Dispose() => _handle.Dispose();
}
