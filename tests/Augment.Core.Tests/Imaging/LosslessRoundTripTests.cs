using Augment.Core.Imaging;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>Lossless formats give back exactly the samples they were given.</summary>
public sealed class LosslessRoundTripTests
{
    // Odd sizes so that no row length is a multiple of a word or of a codec's block size.
    private const int Width = 61;
    private const int Height = 37;

    public static TheoryData<ImageFormat, int, int> PngAndTiffShapes()
    {
        var data = new TheoryData<ImageFormat, int, int>();
        foreach (var format in new[] { ImageFormat.Png, ImageFormat.Tiff })
        {
            foreach (var depthBits in new[] { 8, 16 })
            {
                foreach (var channels in new[] { 1, 3, 4 })
                {
                    data.Add(format, depthBits, channels);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PngAndTiffShapes))]
    public void Png_and_tiff_round_trip_byte_exact(ImageFormat format, int depthBits, int channels) =>
        AssertRoundTripsExactly(new EncodeSettings(format), depthBits, channels);

    [Theory]
    [InlineData(TiffCompression.None)]
    [InlineData(TiffCompression.Deflate)]
    public void Tiff_round_trips_byte_exact_with_every_compression(TiffCompression compression) =>
        AssertRoundTripsExactly(new EncodeSettings(ImageFormat.Tiff) { TiffCompression = compression }, 16, 3);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Bmp_round_trips_byte_exact(int channels) =>
        AssertRoundTripsExactly(new EncodeSettings(ImageFormat.Bmp), 8, channels);

    [Fact]
    public void Lossless_webp_round_trips_byte_exact_without_alpha() =>
        AssertRoundTripsExactly(new EncodeSettings(ImageFormat.WebP) { WebpLossless = true }, 8, 3);

    // libwebp's lossless encoder replaces the colour of fully transparent pixels unless its `exact`
    // option is set, and OpenCV 4.6's WebP encoder does not set it. So with alpha, what comes back
    // exactly is the alpha channel everywhere and the colour wherever alpha is not 0.
    [Fact]
    public void Lossless_webp_with_alpha_keeps_alpha_and_every_visible_pixel_exactly()
    {
        using var original = SyntheticImages.Random(Width, Height, 8, 4);
        var encoded = ImageCodec.Encode(original, new EncodeSettings(ImageFormat.WebP) { WebpLossless = true });
        using var decoded = ImageCodec.Decode(encoded, "round-trip.webp");
        Assert.Equal((Width, Height, 4, 8), (decoded.Width, decoded.Height, decoded.Channels, decoded.DepthBits));

        var expected = original.ToPackedArray();
        var actual = decoded.ToPackedArray();
        var transparent = 0;
        for (var pixel = 0; pixel < expected.Length; pixel += 4)
        {
            Assert.Equal(expected[pixel + 3], actual[pixel + 3]);
            if (expected[pixel + 3] == 0)
            {
                transparent++;
                continue;
            }

            Assert.True(expected.AsSpan(pixel, 3).SequenceEqual(actual.AsSpan(pixel, 3)), $"pixel {pixel / 4} differs");
        }

        Assert.True(transparent > 0, "the test image should hold fully transparent pixels");
    }

    [Fact]
    public void Sixteen_bit_test_images_use_the_full_sample_range()
    {
        using var image = SyntheticImages.Random(Width, Height, 16, 1);
        var samples = new ushort[Width * Height];
        Buffer.BlockCopy(image.ToPackedArray(), 0, samples, 0, samples.Length * 2);

        Assert.Equal(ushort.MinValue, samples.Min());
        Assert.Equal(ushort.MaxValue, samples.Max());
        Assert.True(samples.Distinct().Count() > samples.Length / 2, "the samples should be spread over 0..65535");
    }

    private static void AssertRoundTripsExactly(EncodeSettings settings, int depthBits, int channels)
    {
        using var original = SyntheticImages.Random(Width, Height, depthBits, channels, seed: (depthBits * 10) + channels);
        var encoded = ImageCodec.Encode(original, settings);
        using var decoded = ImageCodec.Decode(encoded, $"round-trip{settings.Format.EncoderExtension()}");

        Assert.Equal(
            (original.Width, original.Height, original.Channels, original.DepthBits),
            (decoded.Width, decoded.Height, decoded.Channels, decoded.DepthBits));
        Assert.Equal(original.ToPackedArray(), decoded.ToPackedArray());
    }
}
