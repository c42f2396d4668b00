using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// One image in native memory (an OpenCV Mat, 8- or 16-bit unsigned, 1, 3 or 4 channels), so that
/// OpenCV works on it without copies; managed code reaches the pixels as spans of rows. Disposing it
/// frees the pixels at once: nothing here waits for a finalizer.
/// </summary>
internal sealed unsafe partial class NativeImage : IDisposable
{
    private readonly Mat _mat;

    private NativeImage(Mat mat)
    {
        _mat = mat;
        Width = mat.Cols;
        Height = mat.Rows;
        Channels = mat.Channels();
        DepthBits = mat.Depth() == MatType.CV_16U ? 16 : 8;
        Step = mat.Step();
        _data = (byte*)mat.Data;
    }

    private readonly byte* _data;

    public int Width { get; }

    public int Height { get; }

    public int DepthBits { get; }

    public int Channels { get; }

    public long Step { get; }

    private int BytesPerRow => Width * Channels * (DepthBits / 8);

    public static NativeImage Create(int width, int height, int depthBits, int channels)
    {
        Require(width > 0 && height > 0, "width and height must be positive");
        Require(channels is 1 or 3 or 4, "channels must be 1, 3 or 4");
        Require(depthBits is 8 or 16, "depth must be 8 or 16 bits");
        OpenCvRuntime.Ensure();
        return Guard.Run(() => new NativeImage(new Mat(height, width, TypeOf(depthBits, channels), Scalar.All(0))));
    }

    /// <summary>Takes ownership of a Mat an OpenCV call produced.</summary>
    private static NativeImage Own(Mat mat) => new(mat);

    /// <summary>
    /// Decodes with IMREAD_UNCHANGED semantics through OpenCV's codecs: depth, channel count and
    /// alpha are kept. Throws <see cref="AugmentNativeException"/>.
    /// </summary>
    public static NativeImage Decode(ReadOnlySpan<byte> encoded, string? filePath)
    {
        Require(!encoded.IsEmpty, "the data is empty");
        OpenCvRuntime.Ensure();
        var decoded = DecodeMat(encoded, filePath);
        if (decoded.Empty())
        {
            decoded.Dispose();
            throw new AugmentNativeException(NativeStatus.DecodeFailed, "OpenCV could not decode the data", filePath);
        }

        var depth = decoded.Depth();
        var channels = decoded.Channels();
        if (depth != MatType.CV_8U && depth != MatType.CV_16U)
        {
            decoded.Dispose();
            throw new AugmentNativeException(NativeStatus.DecodeFailed, "unsupported sample type: only 8- and 16-bit unsigned images", filePath);
        }

        if (channels is not (1 or 3 or 4))
        {
            decoded.Dispose();
            throw new AugmentNativeException(NativeStatus.DecodeFailed, $"unsupported channel count {channels}", filePath);
        }

        return Own(decoded);
    }

    private static Mat DecodeMat(ReadOnlySpan<byte> encoded, string? filePath)
    {
        fixed (byte* data = encoded)
        {
            // A header over the caller's bytes, no copy: imdecode reads it before this returns.
            using var buffer = Mat.FromPixelData(1, encoded.Length, MatType.CV_8UC1, (nint)data);
            return Guard.Run(() => Cv2.ImDecode(buffer, ImreadModes.Unchanged), filePath);
        }
    }

    /// <summary>Encodes to the format of <paramref name="extension"/> (".png", ".jpg", ...) with OpenCV's IMWRITE_* pairs.</summary>
    public byte[] Encode(string extension, ReadOnlySpan<int> parameters, string? filePath)
    {
        Require(parameters.Length % 2 == 0, "params must be (key, value) pairs");
        var pairs = parameters.ToArray();
        var written = Guard.Run(
            () =>
            {
                using var input = InputArray.Create(_mat);
                return Cv2.ImEncode(extension, input, out var bytes, pairs) ? bytes : null;
            },
            filePath);
        return written ?? throw new AugmentNativeException(NativeStatus.InvalidArgument, $"OpenCV could not encode to {extension}", filePath);
    }

    /// <summary>A copy with another channel count (alpha dropped or added opaque) and depth (scaled by 257).</summary>
    public NativeImage Convert(int channels, int depthBits)
    {
        Require(channels is 1 or 3 or 4, "channels must be 1, 3 or 4");
        Require(depthBits is 8 or 16, "depth must be 8 or 16 bits");
        return Guard.Run(() =>
        {
            using var shaped = WithChannels(_mat, channels);
            var result = WithDepth(shaped ?? _mat, DepthOf(depthBits));
            return Own(result ?? (shaped ?? _mat).Clone());
        });
    }

    /// <summary>The bytes of row <paramref name="y"/> (Width * Channels samples, no padding).</summary>
    public Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        ObjectDisposedException.ThrowIf(_mat.IsDisposed, this);
        return new Span<byte>(_data + (y * Step), BytesPerRow);
    }

    public void Dispose() => _mat.Dispose();

    private static MatType TypeOf(int depthBits, int channels) => MatType.MakeType(DepthOf(depthBits), channels);

    private static int DepthOf(int depthBits) => depthBits == 16 ? MatType.CV_16U : MatType.CV_8U;

    private static double FullScale(Mat mat) => mat.Depth() == MatType.CV_16U ? 65535.0 : 255.0;

    /// <summary>A new Mat with <paramref name="channels"/> channels, or null when it already has them.</summary>
    private static Mat? WithChannels(Mat mat, int channels)
    {
        var code = (mat.Channels(), channels) switch
        {
            (1, 3) => ColorConversionCodes.GRAY2BGR,
            (1, 4) => ColorConversionCodes.GRAY2BGRA,
            (3, 1) => ColorConversionCodes.BGR2GRAY,
            (3, 4) => ColorConversionCodes.BGR2BGRA,
            (4, 1) => ColorConversionCodes.BGRA2GRAY,
            (4, 3) => ColorConversionCodes.BGRA2BGR,
            _ => (ColorConversionCodes?)null,
        };
        if (code is not { } conversion)
        {
            return null;
        }

        var result = new Mat();
        CvCalls.CvtColor(mat, result, conversion);
        return result;
    }

    /// <summary>A new Mat of <paramref name="depth"/> (8 and 16 bits scale by 257), or null when it already has it.</summary>
    private static Mat? WithDepth(Mat mat, int depth)
    {
        if (mat.Depth() == depth)
        {
            return null;
        }

        var result = new Mat();
        CvCalls.ConvertTo(mat, result, depth, depth == MatType.CV_16U ? 257.0 : 1.0 / 257.0);
        return result;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new AugmentNativeException(NativeStatus.InvalidArgument, message);
        }
    }
}
