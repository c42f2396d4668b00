using Augment.Core.Imaging;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// JPEG and lossy WebP at the default qualities, on real photographs, measured as PSNR against the
/// decoded original. Thresholds sit 1.5-5 dB under what OpenCV 4.6 with Debian 12's libjpeg-turbo and
/// libwebp measured, so a codec library update does not trip them, while one quality step down does.
/// Above about 35 dB the error of an 8-bit photograph is at the level of its sensor noise and not
/// visible side by side at 1:1; a dropped quality setting (JPEG q75: 34.0 / 32.4 dB, WebP q75:
/// 34.7 / 33.5 dB on astronaut / coffee) falls below it.
/// </summary>
public sealed class LossyRoundTripTests
{
    // Measured at q95: astronaut 38.28 dB, coffee 37.46 dB. q85 gives 35.51 / 34.14 dB.
    private const double JpegColourMinimumPsnr = 36.0;

    // Measured at q90: astronaut 37.68 dB, coffee 36.87 dB. q75 gives 34.67 / 33.50 dB.
    private const double WebpMinimumPsnr = 35.0;

    // Measured at q95: coins 53.04 dB. Gray JPEG has no chroma subsampling, hence the higher figure;
    // q90 gives 42.11 dB.
    private const double JpegGrayMinimumPsnr = 48.0;

    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("coffee.png")]
    public void Jpeg_at_default_quality_stays_within_tolerance(string sample)
    {
        var psnr = RoundTripPsnr(sample, new EncodeSettings(ImageFormat.Jpeg), expectedChannels: 3);
        Assert.InRange(psnr, JpegColourMinimumPsnr, double.MaxValue);
    }

    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("coffee.png")]
    public void Lossy_webp_at_default_quality_stays_within_tolerance(string sample)
    {
        var psnr = RoundTripPsnr(sample, new EncodeSettings(ImageFormat.WebP), expectedChannels: 3);
        Assert.InRange(psnr, WebpMinimumPsnr, double.MaxValue);
    }

    [Fact]
    public void Gray_jpeg_stays_gray_and_within_tolerance()
    {
        var psnr = RoundTripPsnr("coins.png", new EncodeSettings(ImageFormat.Jpeg), expectedChannels: 1);
        Assert.InRange(psnr, JpegGrayMinimumPsnr, double.MaxValue);
    }

    private static double RoundTripPsnr(string sample, EncodeSettings settings, int expectedChannels)
    {
        using var original = ImageCodec.DecodeFile(SampleImages.PathOf(sample));
        Assert.Equal(expectedChannels, original.Channels);
        var encoded = ImageCodec.Encode(original, settings);
        using var decoded = ImageCodec.Decode(encoded, sample + settings.Format.EncoderExtension());
        return ImageQuality.Psnr(original, decoded);
    }
}
