using Augment.Benchmarks.Support;
using Augment.Core.Imaging;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks.Imaging;

/// <summary>
/// Decoding and encoding through <see cref="ImageCodec"/>, per format, with the settings a build
/// writes outputs with (EncodeSettings' defaults: PNG level 3, JPEG 95, WebP 90, TIFF LZW).
/// Encoding goes through EncodeOutput, so a gray image becomes colour for WebP as in a build;
/// decoding includes the structure checks done before OpenCV sees the bytes.
/// </summary>
public class CodecBenchmarks
{
    private ImageBuffer? _image;
    private EncodeSettings? _settings;
    private byte[] _encoded = [];
    private string _name = string.Empty;

    [ParamsAllValues]
    public ImageFormat Format { get; set; }

    [ParamsAllValues]
    public BenchmarkImage Image { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _image = BenchmarkImages.Load(Image);
        _settings = new EncodeSettings(Format);
        _name = Image + Format.EncoderExtension();
        _encoded = ImageCodec.EncodeOutput(_image, _settings, _name);
        using var decoded = ImageCodec.Decode(_encoded, _name);
        if (decoded.Width != _image.Width || decoded.Height != _image.Height)
        {
            throw new InvalidOperationException($"{_name}: {_image} decoded as {decoded}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _image?.Dispose();

    [Benchmark]
    public int Decode()
    {
        using var image = ImageCodec.Decode(_encoded, _name);
        return image.Width;
    }

    [Benchmark]
    public int Encode() => ImageCodec.EncodeOutput(_image!, _settings!, _name).Length;
}
