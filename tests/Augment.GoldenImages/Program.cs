using System.Globalization;
using Augment.Core.Imaging;
using Augment.GoldenImages;

// Writes the reference image (and mask) of every golden case into the folder given, and deletes
// references no case writes any more. Run through build/golden.sh; read tests/golden/README.md first.
if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--sheets"))
{
    Console.Error.WriteLine("usage: Augment.GoldenImages <folder for the references, normally tests/golden> [--sheets <folder for review sheets, outside the repository>]");
    return 2;
}

var folder = Path.GetFullPath(args[0]);
var sheets = args.Length == 3 ? Directory.CreateDirectory(args[2]).FullName : null;
Directory.CreateDirectory(folder);
// Level 9: the references are committed, so smaller beats faster; the tests compare pixels, not bytes.
var png = new EncodeSettings(ImageFormat.Png) { PngCompression = 9 };
var written = new HashSet<string>(StringComparer.Ordinal);
long total = 0;

void Write(string name, ImageBuffer image)
{
    var bytes = ImageCodec.Encode(image, png, name);
    File.WriteAllBytes(Path.Combine(folder, name), bytes);
    written.Add(name);
    total += bytes.Length;
}

foreach (var c in GoldenCases.All)
{
    using var result = GoldenCases.Render(c);
    Write(c.ImageFile, result.Image);
    if (c.WithMask)
    {
        Write(c.MaskFile, result.Masks[0]);
    }

    if (sheets is not null)
    {
        Preview.Write(c, result.Image, c.WithMask ? result.Masks[0] : null, sheets);
    }

    var how = c.Tolerance is { } t ? $"tolerance {t.Name}" : "exact";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Id,-44} {result.Image,-28} {how,-20} expect: {c.Expect}"));
}

foreach (var stale in Directory.EnumerateFiles(folder, "*.png").Where(f => !written.Contains(Path.GetFileName(f))))
{
    File.Delete(stale);
    Console.WriteLine($"deleted {Path.GetFileName(stale)}: no case writes it any more");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written.Count} files, {total / 1024.0:F0} KiB in {folder}"));
Console.WriteLine("Review every changed reference in the diff before committing (tests/golden/README.md).");
return 0;
