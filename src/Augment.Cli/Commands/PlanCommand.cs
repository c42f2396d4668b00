using System.CommandLine;
using Augment.Core.Config;
using Augment.Core.Dataset;
using Augment.Core.Pipeline;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Cli.Commands;

/// <summary>`plan`: a dry run that lists what would be built and why, and how many passes the pipeline takes.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var command = new Command("plan", "Show what a build would do and why, without writing anything.");
        var options = new CommonOptions(command);
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var shard = new Option<string?>("--shard") { Description = "Only the items of shard I of N (I from 0), as `build --shard I/N` would build them." };
        command.Options.Add(json);
        command.Options.Add(shard);
        command.SetAction(parse => Run(options.Read(parse), parse.GetValue(json), parse.GetValue(shard)));
        return command;
    }

    private static int Run(CommonValues values, bool json, string? shardText)
    {
        Shard? shard;
        try
        {
            shard = shardText is null ? null : Shard.Parse(shardText);
        }
        catch (ArgumentException e)
        {
            Diagnostics.General(Diagnostics.Usage, e.Message);
            return ExitCodes.BadUsageOrEnvironment;
        }

        var report = DatasetBuilder.Build(values.ConfigPath, new BuildOptions { DryRun = true, CacheDir = values.CacheDir, OutputDir = values.OutputDir, Shard = shard });
        var config = AugmentConfigLoader.Load(values.ConfigPath);
        var passes = PassCounter.MostPasses(config.Pipeline);
        var work = report.Items.Where(i => i.Action != ItemAction.UpToDate).ToList();
        if (json)
        {
            Console.Out.WriteLine(new JObject
            {
                ["items"] = new JArray(work.Select(i => new JObject
                {
                    ["image"] = i.Image,
                    ["source"] = i.Source,
                    ["variant"] = i.Variant,
                    ["action"] = Name(i.Action),
                    ["reason"] = Name(i.Reason),
                })),
                ["upToDate"] = report.UpToDate,
                ["passes"] = passes,
                ["errors"] = new JArray(report.Errors.Select(e => new JObject { ["file"] = e.File, ["message"] = e.Message })),
            }.ToString(Formatting.None));
            return report.Failed == 0 ? ExitCodes.Success : ExitCodes.ItemsFailed;
        }

        foreach (var item in work)
        {
            Console.Out.WriteLine($"{Name(item.Action),-8} {item.Image}  ({Name(item.Reason)})");
        }

        foreach (var error in report.Errors)
        {
            Console.Error.WriteLine($"error: {error.File}: {error.Message}");
        }

        Console.Out.WriteLine($"{work.Count(i => i.Action == ItemAction.Render)} to render, {work.Count(i => i.Action == ItemAction.Restore)} to restore, " +
                              $"{report.UpToDate} up to date, {report.Failed} failing; the pipeline takes at most {passes} resampling pass(es) per item");
        return report.Failed == 0 ? ExitCodes.Success : ExitCodes.ItemsFailed;
    }

    private static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])([A-Z])", " $1").ToLowerInvariant();
}
