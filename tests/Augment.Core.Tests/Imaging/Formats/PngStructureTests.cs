using Augment.Core.Imaging;
using Augment.Core.Imaging.Formats;
using Augment.Core.OpenCv;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Imaging.Formats;

/// <summary>What PngStructure hands to libpng: every critical chunk and tRNS, no other ancillary chunk.</summary>
public sealed class PngStructureTests
{
    [Fact]
    public void Iccp_profile_is_dropped_and_the_rest_still_decodes()
    {
        var astronaut = SampleImages.Read("astronaut.png");
        Assert.Contains("iCCP", PngChunks.Types(astronaut));

        var prepared = PngStructure.PrepareForDecode(astronaut).ToArray();

        Assert.True(prepared.Length < astronaut.Length);
        Assert.DoesNotContain("iCCP", PngChunks.Types(prepared));
        Assert.Equal(["IHDR", "IDAT", "IEND"], PngChunks.Types(prepared).Distinct());
        using var decoded = NativeImage.Decode(prepared, "astronaut.png");
        Assert.Equal((512, 512, 3, 8), (decoded.Width, decoded.Height, decoded.Channels, decoded.DepthBits));
    }

    [Fact]
    public void Trns_is_kept_and_text_dropped()
    {
        var png = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Png), 37, 23);
        png = PngChunks.WithChunkBeforeImageData(png, "tEXt", "Comment\0made by a test"u8);
        png = PngChunks.WithChunkBeforeImageData(png, "tRNS", [0, 1, 0, 2, 0, 3]);

        var prepared = PngStructure.PrepareForDecode(png).ToArray();

        Assert.Contains("tRNS", PngChunks.Types(prepared));
        Assert.DoesNotContain("tEXt", PngChunks.Types(prepared));
    }

    [Fact]
    public void Png_with_only_critical_chunks_is_passed_on_without_a_copy()
    {
        ReadOnlyMemory<byte> png = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Png), 37, 23);
        Assert.All(PngChunks.Types(png.Span), type => Assert.True(char.IsUpper(type[0]), type));

        var prepared = PngStructure.PrepareForDecode(png);

        Assert.True(prepared.Equals(png));
    }

    [Fact]
    public void Chunk_with_a_wrong_crc_is_rejected()
    {
        var png = SyntheticImages.Encoded(new EncodeSettings(ImageFormat.Png), 37, 23);
        png[png.Length - 20] ^= 0x01; // inside the last IDAT

        var error = Assert.Throws<InvalidDataException>(() => PngStructure.PrepareForDecode(png));

        Assert.Contains("CRC mismatch in chunk IDAT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crc32_matches_the_png_specification()
    {
        // The standard CRC-32 check value, and the CRC every PNG's empty IEND chunk carries.
        Assert.Equal(0xCBF43926u, Crc32.Compute("1234"u8, "56789"u8));
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8, []));
    }
}
