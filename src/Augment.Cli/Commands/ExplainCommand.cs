using System.CommandLine;
using Augment.Core.Config;
using Augment.Core.Dataset;
using Augment.Core.Manifest;
using Newtonsoft.Json;

namespace Augment.Cli.Commands;

/// <summary>`explain FILE`: prints the manifest record of the item an output image or mask belongs to.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var command = new Command("explain", "Print the manifest record of one output file: its sources, seed and every op's parameters.");
        var file = new Argument<string>("file") { Description = "An output image or mask (a path, or relative to the output folder)." };
        var config = new Option<string>("--config", "-c") { Description = "The dataset's config.", DefaultValueFactory = _ => "augment.yaml" };
        var output = new Option<string?>("--output", "-o") { Description = "The output folder, when the build used -o." };
        command.Arguments.Add(file);
        command.Options.Add(config);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var configPath = parse.GetValue(config)!;
            var layout = BuildLayout.For(AugmentConfigLoader.Load(configPath), new BuildOptions { OutputDir = parse.GetValue(output) });
            var manifest = DatasetManifest.TryRead(layout.ManifestPath);
            if (manifest is null)
            {
                Console.Error.WriteLine($"error: no readable {DatasetManifest.FileName} in {layout.OutputDir}; build first");
                return ExitCodes.BadUsageOrEnvironment;
            }

            var given = parse.GetValue(file)!;
            var relative = File.Exists(given) ? Path.GetRelativePath(layout.OutputDir, Path.GetFullPath(given)).Replace('\\', '/') : given.Replace('\\', '/');
            var item = manifest.Items.FirstOrDefault(i => i.Files.Contains(relative));
            if (item is null)
            {
                Console.Error.WriteLine($"error: {given} is not an output of this dataset (looked for '{relative}' in {layout.ManifestPath})");
                return ExitCodes.ItemsFailed;
            }

            Console.Out.WriteLine(item.ToJson().ToString(Formatting.Indented));
            return ExitCodes.Success;
        });
        return command;
    }
}
