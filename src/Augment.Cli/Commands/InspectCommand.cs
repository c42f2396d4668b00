using System.CommandLine;
using Augment.Core.Imaging;

namespace Augment.Cli.Commands;

/// <summary>
/// `inspect PATH...`: decodes every image under the given files and folders exactly as a build would
/// and prints what it found, so a user sees what Augment.Build makes of their sources.
/// </summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Image files, or folders searched recursively for .png, .jpg, .jpeg, .tif, .tiff, .bmp and .webp files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("inspect", "Decode images as a build would and print their size, channels and depth.");
        command.Arguments.Add(paths);
        command.SetAction(parse => Run(parse.GetValue(paths) ?? []));
        return command;
    }

    private static int Run(string[] paths)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
        {
            Console.Error.WriteLine($"error: {path}: no such file or folder");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.BadUsageOrEnvironment;
        }

        var files = paths.SelectMany(ImageFiles).Distinct(StringComparer.Ordinal).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                using var image = ImageCodec.DecodeFile(file);
                Console.Out.WriteLine($"{file}: {image.Width}x{image.Height}, {Describe(image)}");
            }
            catch (InvalidImageException e)
            {
                failed++;
                Console.Error.WriteLine($"error: {e.Message}");
            }
        }

        Console.Out.WriteLine($"{files.Count - failed} image(s) decoded, {failed} failed");
        return failed == 0 ? ExitCodes.Success : ExitCodes.ItemsFailed;
    }

    private static IEnumerable<string> ImageFiles(string path) =>
        File.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => ImageFormats.FromExtension(f) is not null)
                .Order(StringComparer.Ordinal);

    private static string Describe(ImageBuffer image) => image.Channels switch
    {
        1 => $"gray, {image.DepthBits}-bit",
        3 => $"colour, {image.DepthBits}-bit",
        _ => $"colour with alpha, {image.DepthBits}-bit",
    };
}
