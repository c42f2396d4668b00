using System.CommandLine;
using Augment.Core.Dataset;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Cli.Commands;

/// <summary>`verify`: re-renders items from the manifest and compares bytes; exit 1 on any difference (`--json`: one object, for CI gates).</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Re-render items from their manifest records and compare them with the outputs byte for byte.");
        var options = new CommonOptions(command);
        var sample = new Option<int?>("--sample") { Description = "Check this many items (a stable choice) instead of all." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (items checked, the files that differ) instead of text." };
        command.Options.Add(sample);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var values = options.Read(parse);
            var report = DatasetVerifier.Verify(values.ConfigPath, parse.GetValue(sample), values.OutputDir, values.Jobs);
            var exit = report.Mismatches.Count == 0 ? ExitCodes.Success : ExitCodes.ItemsFailed;
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(new JObject
                {
                    ["checked"] = report.Checked,
                    ["differ"] = report.Mismatches.Count,
                    ["mismatches"] = new JArray(report.Mismatches.Select(m => new JObject { ["file"] = m.File, ["message"] = m.Message })),
                }.ToString(Formatting.None));
                return exit;
            }

            foreach (var mismatch in report.Mismatches)
            {
                Console.Error.WriteLine($"mismatch: {mismatch.File}: {mismatch.Message}");
            }

            Console.Out.WriteLine($"{report.Checked} item(s) checked, {report.Mismatches.Count} file(s) differ");
            return exit;
        });
        return command;
    }
}
