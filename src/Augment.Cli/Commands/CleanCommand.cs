using System.CommandLine;
using Augment.Core.Dataset;

namespace Augment.Cli.Commands;

/// <summary>`clean`: removes the outputs, manifest and state a build wrote.</summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var command = new Command("clean", "Remove the dataset's outputs, manifest and build state (a shared --cache-dir is kept).");
        var options = new CommonOptions(command);
        command.SetAction(parse =>
        {
            var values = options.Read(parse);
            var removed = DatasetCleaner.Clean(values.ConfigPath, values.OutputDir);
            Console.Out.WriteLine($"{removed} output file(s) removed");
            return ExitCodes.Success;
        });
        return command;
    }
}
