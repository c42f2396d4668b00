using System.CommandLine;
using Augment.Core.Config;

namespace Augment.Cli.Commands;

/// <summary>`init`: writes a commented starter augment.yaml (never over an existing file).</summary>
internal static class InitCommand
{
    internal const string Starter = """
        # augment.yaml: the dataset's recipe. `dotnet augment ops` lists every op and its parameters.
        version: 1                         # schema version
        seed: 42                           # master seed: same inputs + config + seed = same bytes
        inputs:
          images: "images/**/*.png"        # glob(s) relative to this file
          masks: "masks/{dir}/{stem}.png"  # optional: each image's mask ({dir} {stem} {ext})
        variants: 8                        # augmented copies per source image
        output:
          dir: out
          images: "images/{dir}/{stem}_{variant:000}{ext}"
          masks: "masks/{dir}/{stem}_{variant:000}.png"
          format: same                     # same | png | jpeg | webp | tiff, or { type: jpeg, quality: 90 }
        masks:
          fill: 0                          # label for pixels that come from outside the source
        pipeline:                          # in order; consecutive geometric ops are resampled once
          - HorizontalFlip: { p: 0.5 }
          - Affine: { rotate: [-15, 15], scale: [0.9, 1.1], translate_percent: [-0.06, 0.06], p: 1.0 }
          - RandomBrightnessContrast: { brightness_limit: 0.2, contrast_limit: 0.2, p: 0.5 }
        """;

    public static Command Create()
    {
        var command = new Command("init", "Write a commented starter augment.yaml in the current folder.");
        var path = new Argument<string>("path") { Description = "Where to write it.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "augment.yaml" };
        command.Arguments.Add(path);
        command.SetAction(parse =>
        {
            var target = parse.GetValue(path)!;
            if (File.Exists(target))
            {
                Console.Error.WriteLine($"error: {target} already exists; not overwritten");
                return ExitCodes.BadUsageOrEnvironment;
            }

            File.WriteAllText(target, Starter + "\n");
            AugmentConfigLoader.Load(target); // the starter must always be a valid config
            Console.Out.WriteLine($"wrote {target}; put images under images/ and run `dotnet augment build`");
            return ExitCodes.Success;
        });
        return command;
    }
}
