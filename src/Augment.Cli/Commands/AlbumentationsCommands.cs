using System.CommandLine;
using Augment.Core.Albumentations;
using Augment.Core.Config;

namespace Augment.Cli.Commands;

/// <summary>
/// `import albumentations FILE [-o augment.yaml] [--lenient]` and `export albumentations
/// [CONFIG] [-o FILE]` (docs/albumentations.md): a pipeline saved by A.save becomes a config, and a
/// config's pipeline becomes the JSON that A.load reads.
/// </summary>
internal static class AlbumentationsCommands
{
    public static Command Import()
    {
        var command = new Command("import", "Make an augment.yaml from a pipeline saved by another tool.");
        var albumentations = new Command("albumentations", "Make an augment.yaml from what Albumentations' A.save or A.to_dict wrote (JSON or YAML, 1.4.x or 2.x).");
        var file = new Argument<string>("file") { Description = "The saved pipeline (.json or .yaml)." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the config (never over an existing file).", DefaultValueFactory = _ => "augment.yaml" };
        var lenient = new Option<bool>("--lenient") { Description = "Leave out what has no equivalent here, with a comment, instead of failing." };
        albumentations.Arguments.Add(file);
        albumentations.Options.Add(output);
        albumentations.Options.Add(lenient);
        albumentations.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            if (File.Exists(target))
            {
                Console.Error.WriteLine($"error: {target} already exists; not overwritten");
                return ExitCodes.BadUsageOrEnvironment;
            }

            var imported = AlbumentationsImporter.Load(parse.GetValue(file)!, parse.GetValue(lenient));
            var yaml = AlbumentationsYaml.Write(imported);
            AugmentConfigLoader.Parse(yaml, target); // what is written is always a valid config
            File.WriteAllText(target, yaml);
            foreach (var note in imported.LeftOut)
            {
                Console.Error.WriteLine($"left out: {note}");
            }

            Console.Out.WriteLine($"wrote {target}: {Count(imported.Pipeline)} op(s), {imported.LeftOut.Count} left out; point inputs.images at the images and run `dotnet augment build`");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(albumentations);
        return command;
    }

    public static Command Export()
    {
        var command = new Command("export", "Write a config's pipeline in another tool's format.");
        var albumentations = new Command("albumentations", "Write the pipeline as the JSON that Albumentations' A.load reads.");
        var config = new Argument<string>("config") { Description = "The dataset's config.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "augment.yaml" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the JSON (default: stdout)." };
        albumentations.Arguments.Add(config);
        albumentations.Options.Add(output);
        albumentations.SetAction(parse =>
        {
            var json = AlbumentationsExporter.Write(AugmentConfigLoader.Load(parse.GetValue(config)!));
            if (parse.GetValue(output) is { } target)
            {
                File.WriteAllText(target, json);
                Console.Out.WriteLine($"wrote {target}");
            }
            else
            {
                Console.Out.Write(json);
            }

            return ExitCodes.Success;
        });
        command.Subcommands.Add(albumentations);
        return command;
    }

    private static int Count(IEnumerable<ImportedOp> ops) => ops.Sum(o => 1 + Count(o.Children));
}
