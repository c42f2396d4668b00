using System.CommandLine;
using System.Diagnostics;
using Augment.Core.Dataset;

namespace Augment.Cli.Commands;

/// <summary>`build`: builds the dataset incrementally and prints a summary (or one JSON object with --json).</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var command = new Command("build", "Build the augmented dataset; only what changed is rendered.");
        var options = new CommonOptions(command);
        var force = new Option<bool>("--force") { Description = "Render every item, whatever the cache holds." };
        var noWait = new Option<bool>("--no-wait") { Description = "Exit with code 3 instead of waiting when another build holds the output." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the summary instead of text." };
        // Building every item that can be built and failing at the end is the only behaviour; the
        // option is accepted so that scripts may say so (PRODUCT.md section 8).
        var keepGoing = new Option<bool>("--keep-going") { Description = "Build every item that can be built and list the failures at the end (the default)." };
        var msbuildState = new Option<string?>("--msbuild-state")
        {
            Description = "For the Augment.Build MSBuild task: report errors in MSBuild's format and leave the targets' state files in this folder.",
            Hidden = true,
        };
        command.Options.Add(keepGoing);
        command.Options.Add(msbuildState);
        command.Options.Add(force);
        command.Options.Add(noWait);
        command.Options.Add(json);
        command.SetAction((parse, cancellation) => Task.FromResult(Run(options.Read(parse), new BuildFlags(parse.GetValue(force), parse.GetValue(noWait), parse.GetValue(json), parse.GetValue(msbuildState)), cancellation)));
        return command;
    }

    private sealed record BuildFlags(bool Force, bool NoWait, bool Json, string? MsBuildState);

    private static int Run(CommonValues values, BuildFlags flags, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        Diagnostics.MsBuildFormat = flags.MsBuildState is not null;
        var progress = flags.Json || flags.MsBuildState is not null ? null : new ProgressReporter(Console.Error);
        var options = new BuildOptions
        {
            Jobs = values.Jobs,
            CacheDir = values.CacheDir,
            OutputDir = values.OutputDir,
            Force = flags.Force,
            WaitForLock = !flags.NoWait,
            Observer = progress,
            Cancellation = cancellation,
        };
        var report = DatasetBuilder.Build(values.ConfigPath, options);
        progress?.Finish();
        var seconds = clock.Elapsed.TotalSeconds;
        if (flags.MsBuildState is { } stateDir)
        {
            MsBuildState.Write(stateDir, values.ConfigPath, options);
        }

        if (flags.Json)
        {
            Console.Out.WriteLine(Summary.Json(report, seconds));
        }
        else
        {
            foreach (var error in report.Errors)
            {
                Diagnostics.File(error.Code, error.File, error.Message, error.Line);
            }

            Console.Out.WriteLine((flags.MsBuildState is null ? "" : $"augment: {Path.GetFileName(values.ConfigPath)}: ") + Summary.Text(report, seconds));
        }

        return report.Failed == 0 && report.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.ItemsFailed;
    }
}
