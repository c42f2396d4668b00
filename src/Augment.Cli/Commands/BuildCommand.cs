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
        var shard = new Option<string?>("--shard") { Description = "Build only shard I of N (I from 0), into the cache only; 'env' reads the scheduler's variables (docs/distributed.md)." };
        var shards = new Option<int?>("--shards") { Description = "The number of shards, for --shard env under a Kubernetes Indexed Job (default: $AUGMENT_SHARDS)." };
        var requireCached = new Option<bool>("--require-cached") { Description = "Render nothing: fail (exit 1) listing every item that no cache holds." };
        command.Options.Add(shard);
        command.Options.Add(shards);
        command.Options.Add(requireCached);
        command.Options.Add(keepGoing);
        command.Options.Add(msbuildState);
        command.Options.Add(force);
        command.Options.Add(noWait);
        command.Options.Add(json);
        command.SetAction((parse, cancellation) => Task.FromResult(Run(
            options.Read(parse),
            new BuildFlags(parse.GetValue(force), parse.GetValue(noWait), parse.GetValue(json), parse.GetValue(msbuildState), parse.GetValue(shard), parse.GetValue(shards), parse.GetValue(requireCached)),
            cancellation)));
        return command;
    }

    private sealed record BuildFlags(bool Force, bool NoWait, bool Json, string? MsBuildState, string? Shard, int? Shards, bool RequireCached);

    private static int Run(CommonValues values, BuildFlags flags, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        Diagnostics.MsBuildFormat = flags.MsBuildState is not null;
        var progress = flags.Json || flags.MsBuildState is not null ? null : new ProgressReporter(Console.Error);
        Shard? shard;
        try
        {
            shard = flags.Shard is null ? null
                : flags.Shard == "env" ? Shard.FromEnvironment(Environment.GetEnvironmentVariable, flags.Shards)
                : Shard.Parse(flags.Shard);
        }
        catch (ArgumentException e)
        {
            Diagnostics.General(Diagnostics.Usage, e.Message);
            return ExitCodes.BadUsageOrEnvironment;
        }

        if (flags.Shards is not null && flags.Shard != "env")
        {
            Diagnostics.General(Diagnostics.Usage, "--shards goes with --shard env (with --shard I/N the N is the count)");
            return ExitCodes.BadUsageOrEnvironment;
        }

        if (flags.RequireCached && flags.Force)
        {
            Diagnostics.General(Diagnostics.Usage, "--require-cached renders nothing and --force renders everything: pass one");
            return ExitCodes.BadUsageOrEnvironment;
        }

        if (shard is { } taken && !flags.Json)
        {
            Console.Error.WriteLine($"shard {taken} (from {(flags.Shard == "env" ? Shard.Source(Environment.GetEnvironmentVariable) : "--shard")})");
        }

        var options = new BuildOptions
        {
            Shard = shard,
            RequireCached = flags.RequireCached,
            CacheUrl = values.CacheUrl,
            CacheToken = Environment.GetEnvironmentVariable(Augment.Core.Cache.HttpCache.TokenVariable),
            CacheRequired = values.CacheRequired,
            Jobs = values.Jobs,
            CacheDir = values.CacheDir,
            OutputDir = values.OutputDir,
            Force = flags.Force,
            WaitForLock = !flags.NoWait,
            Observer = progress,
            Cancellation = cancellation,
        };
        BuildReport report;
        try
        {
            report = DatasetBuilder.Build(values.ConfigPath, options);
        }
        catch (ArgumentException e)
        {
            progress?.Finish();
            Diagnostics.General(Diagnostics.Usage, e.Message);
            return ExitCodes.BadUsageOrEnvironment;
        }

        progress?.Finish();
        foreach (var warning in report.Warnings)
        {
            Diagnostics.Warning(Diagnostics.SharedCache, warning);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (flags.MsBuildState is { } stateDir && shard is null)
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
