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
        var msbuild = new Option<bool>("--msbuild") { Description = "Report errors in MSBuild's format (the Augment.Build task).", Hidden = true };
        command.Options.Add(msbuild);
        command.SetAction(parse =>
        {
            Diagnostics.MsBuildFormat = parse.GetValue(msbuild);
            var values = options.Read(parse);
            var removed = DatasetCleaner.Clean(values.ConfigPath, values.OutputDir);
            Console.Out.WriteLine($"{removed} output file(s) removed");
            return ExitCodes.Success;
        });
        return command;
    }
}
