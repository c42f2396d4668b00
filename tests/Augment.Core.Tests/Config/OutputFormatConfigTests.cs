using Augment.Core.Config;
using Augment.Core.Imaging;

namespace Augment.Core.Tests.Config;

/// <summary>output.format as a name or a mapping with settings, and the encode settings it gives.</summary>
public sealed class OutputFormatConfigTests
{
    private static OutputFormat FormatOf(string format) =>
        ConfigText.Parse(ConfigText.Yaml, ConfigText.YamlConfig($"output:\n  format: {format}\n")).OutputFormat;

    [Fact]
    public void Same_keeps_each_sources_format_with_the_default_settings()
    {
        var format = ConfigText.Parse(ConfigText.Yaml, ConfigText.YamlPipeline()).OutputFormat;

        Assert.Equal(new EncodeSettings(ImageFormat.Tiff), format.SettingsFor(ImageFormat.Tiff));
        Assert.Equal(new EncodeSettings(ImageFormat.Jpeg), format.SettingsFor(ImageFormat.Jpeg));
        Assert.Equal(new EncodeSettings(ImageFormat.Png), format.SettingsFor(ImageFormat.Png));
    }

    [Fact]
    public void A_format_name_writes_every_output_in_that_format_with_its_defaults()
    {
        var format = FormatOf("jpeg");

        Assert.Equal(new OutputFormat("jpeg", null, false, null, null), format);
        var settings = format.SettingsFor(ImageFormat.Png);
        Assert.Equal(ImageFormat.Jpeg, settings.Format);
        Assert.Equal(95, settings.JpegQuality);
    }

    [Theory]
    [InlineData("png", ImageFormat.Png)]
    [InlineData("jpeg", ImageFormat.Jpeg)]
    [InlineData("webp", ImageFormat.WebP)]
    [InlineData("tiff", ImageFormat.Tiff)]
    [InlineData("bmp", ImageFormat.Bmp)]
    public void Each_format_name_selects_its_encoder(string name, ImageFormat expected)
    {
        Assert.Equal(expected, FormatOf(name).SettingsFor(ImageFormat.Tiff).Format);
        Assert.Equal(expected, FormatOf($"{{ type: {name} }}").SettingsFor(ImageFormat.Png).Format);
    }

    [Fact]
    public void A_webp_mapping_sets_quality_and_lossless()
    {
        var format = FormatOf("{ type: webp, quality: 80, lossless: false }");

        Assert.Equal(new OutputFormat("webp", 80, false, null, null), format);
        var settings = format.SettingsFor(ImageFormat.Png);
        Assert.Equal(ImageFormat.WebP, settings.Format);
        Assert.Equal(80, settings.WebpQuality);
        Assert.False(settings.WebpLossless);
    }

    [Fact]
    public void Lossless_webp_is_carried_to_the_encoder()
    {
        var settings = FormatOf("{ type: webp, lossless: true }").SettingsFor(ImageFormat.Png);

        Assert.True(settings.WebpLossless);
        Assert.Equal(90, settings.WebpQuality);
    }

    [Fact]
    public void A_jpeg_quality_is_carried_to_the_encoder()
    {
        var settings = FormatOf("{ type: jpeg, quality: 72 }").SettingsFor(ImageFormat.Png);

        Assert.Equal(new EncodeSettings(ImageFormat.Jpeg) { JpegQuality = 72, WebpQuality = 72 }, settings);
    }

    [Fact]
    public void A_tiff_compression_is_a_name()
    {
        var format = FormatOf("{ type: tiff, compression: deflate }");

        Assert.Equal(TiffCompression.Deflate, format.TiffCompression);
        Assert.Null(format.PngCompression);
        Assert.Equal(new EncodeSettings(ImageFormat.Tiff) { TiffCompression = TiffCompression.Deflate }, format.SettingsFor(ImageFormat.Png));
    }

    [Fact]
    public void A_png_compression_is_the_zlib_level()
    {
        var format = FormatOf("{ type: png, compression: 9 }");

        Assert.Equal(9, format.PngCompression);
        Assert.Null(format.TiffCompression);
        Assert.Equal(new EncodeSettings(ImageFormat.Png) { PngCompression = 9 }, format.SettingsFor(ImageFormat.Jpeg));
    }

    [Fact]
    public void A_format_mapping_in_json_is_read_as_in_yaml()
    {
        var text = ConfigText.JsonConfig("  \"output\": { \"format\": { \"type\": \"webp\", \"quality\": 80, \"lossless\": false } },\n");

        Assert.Equal(FormatOf("{ type: webp, quality: 80, lossless: false }"), ConfigText.Parse(ConfigText.Json, text).OutputFormat);
    }

    [Fact]
    public void Different_settings_give_different_canonical_text()
    {
        var texts = new[]
        {
            OutputFormat.Same.Canonical,
            FormatOf("jpeg").Canonical,
            FormatOf("{ type: jpeg, quality: 90 }").Canonical,
            FormatOf("{ type: webp, lossless: true }").Canonical,
            FormatOf("{ type: png, compression: 9 }").Canonical,
            FormatOf("{ type: png, compression: imwrite }").Canonical,
            FormatOf("{ type: tiff, compression: none }").Canonical,
        };

        Assert.Equal(texts.Length, texts.Distinct().Count());
        Assert.Equal(FormatOf("png").Canonical, FormatOf("{ type: png }").Canonical);
    }

    [Fact]
    public void Png_compression_imwrite_asks_opencv_for_its_own_default_path()
    {
        var format = FormatOf("{ type: png, compression: imwrite }");

        Assert.Equal(new OutputFormat("png", null, false, null, null, PngImwrite: true), format);
        Assert.True(format.SettingsFor(ImageFormat.Jpeg).PngOpenCvDefaults);
        Assert.False(FormatOf("{ type: png, compression: 1 }").SettingsFor(ImageFormat.Png).PngOpenCvDefaults);
        Assert.Contains("png=imwrite", format.Canonical, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ type: png, compression: fast }", 6, 37)]
    [InlineData("{ type: png, compression: \"1\" }", 6, 37)]
    public void Another_png_compression_word_names_the_choices_at_the_value(string format, int line, int column)
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig($"output:\n  format: {format}\n"), ConfigErrorCode.InvalidValue, line, column);

        Assert.Contains("for png it is a zlib level 0-9, or imwrite", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_format_gets_a_suggestion_at_the_value()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig("output:\n  format: jepg\n"), ConfigErrorCode.InvalidValue, 6, 11);

        Assert.Equal("output.format is 'jepg'; it must be one of same, png, jpeg, webp, tiff, bmp; did you mean 'jpeg'?", error.Problem);
    }

    [Fact]
    public void An_unknown_tiff_compression_lists_the_valid_ones_at_the_value()
    {
        var error = ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig("output:\n  format: { type: tiff, compression: zip }\n"), ConfigErrorCode.InvalidValue, 6, 38);

        Assert.Contains("none, lzw, deflate", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_boolean_lossless_is_the_wrong_type_at_the_value()
    {
        ConfigAssert.FailsAt(ConfigText.Yaml, ConfigText.YamlConfig("output:\n  format: { type: webp, lossless: 1 }\n"), ConfigErrorCode.WrongType, 6, 35);
    }
}
