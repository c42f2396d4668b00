using System.CommandLine;
using Augment.Core.Dataset;

namespace Augment.Cli.Commands;

/// <summary>`verify`: re-renders items from the manifest and compares bytes; exit 1 on any difference.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var command = new Command("verify", "Re-render items from their manifest records and compare them with the outputs byte for byte.");
        var options = new CommonOptions(command);
        var sample = new Option<int?>("--sample") { Description = "Check this many items (a stable choice) instead of all." };
        command.Options.Add(sample);
        command.SetAction(parse =>
        {
            var values = options.Read(parse);
            var report = DatasetVerifier.Verify(values.ConfigPath, parse.GetValue(sample), values.OutputDir, values.Jobs);
            foreach (var mismatch in report.Mismatches)
            {
                Console.Error.WriteLine($"mismatch: {mismatch.File}: {mismatch.Message}");
            }

            Console.Out.WriteLine($"{report.Checked} item(s) checked, {report.Mismatches.Count} file(s) differ");
            return report.Mismatches.Count == 0 ? ExitCodes.Success : ExitCodes.ItemsFailed;
        });
        return command;
    }
}
