using Augment.Core.Imaging;

namespace Augment.GoldenImages;

/// <summary>
/// Contact sheets for reviewing references, never committed: the input and the output side by side,
/// enlarged 4x (nearest), with the input and output masks below, labels multiplied by 10 to be seen.
/// </summary>
internal static class Preview
{
    private const int Scale = 4;
    private const int Gap = 8;
    private const int MaskContrast = 10;

    public static void Write(GoldenCase c, ImageBuffer output, ImageBuffer? outputMask, string folder)
    {
        using var input = GoldenCases.LoadInput(c.Input);
        using var inputMask = GoldenCases.LoadInputMask(c);
        var width = (Scale * (input.Width + output.Width)) + Gap;
        var rowHeight = Scale * Math.Max(input.Height, output.Height);
        var height = outputMask is null ? rowHeight : (2 * rowHeight) + Gap;
        using var sheet = ImageBuffer.Create(width, height, 8, 3);
        for (var y = 0; y < height; y++)
        {
            sheet.Row(y).Fill(96);
        }

        Blit(sheet, input, 0, 0, 1);
        Blit(sheet, output, (Scale * input.Width) + Gap, 0, 1);
        if (inputMask is not null && outputMask is not null)
        {
            Blit(sheet, inputMask, 0, rowHeight + Gap, MaskContrast);
            Blit(sheet, outputMask, (Scale * input.Width) + Gap, rowHeight + Gap, MaskContrast);
        }

        File.WriteAllBytes(Path.Combine(folder, $"{c.Id}.sheet.png"), ImageCodec.Encode(sheet, new EncodeSettings(ImageFormat.Png)));
    }

    private static void Blit(ImageBuffer sheet, ImageBuffer image, int left, int top, int multiplier)
    {
        for (var y = 0; y < image.Height * Scale; y++)
        {
            var source = image.Row(y / Scale);
            var target = sheet.Row(top + y);
            for (var x = 0; x < image.Width * Scale; x++)
            {
                for (var channel = 0; channel < 3; channel++)
                {
                    var sample = source[((x / Scale) * image.Channels) + (image.Channels == 1 ? 0 : channel)];
                    target[((left + x) * 3) + channel] = (byte)Math.Min(255, sample * multiplier);
                }
            }
        }
    }
}
