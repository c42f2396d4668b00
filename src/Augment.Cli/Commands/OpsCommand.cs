using System.CommandLine;
using Augment.Core.Albumentations;
using Augment.Core.Ops;
using Newtonsoft.Json;

namespace Augment.Cli.Commands;

/// <summary>`ops`: every op with its parameters, types, defaults and ranges.</summary>
internal static class OpsCommand
{
    public static Command Create()
    {
        var command = new Command("ops", "List every op with its parameters, types, defaults and ranges.");
        var name = new Argument<string?>("name") { Description = "Show only this op.", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(name);
        command.SetAction(parse =>
        {
            var only = parse.GetValue(name);
            var ops = OpCatalog.Default.Descriptors.Where(d => only is null || d.Name == only).ToList();
            if (ops.Count == 0)
            {
                Console.Error.WriteLine($"error: unknown op '{only}'");
                return ExitCodes.BadUsageOrEnvironment;
            }

            foreach (var op in ops)
            {
                Console.Out.WriteLine($"{op.Name} ({op.Family.ToString().ToLowerInvariant()}): {op.Summary}");
                foreach (var parameter in op.Parameters)
                {
                    var fallback = parameter.Default is null ? "required" : $"default {parameter.Default.ToString(Formatting.None)}";
                    Console.Out.WriteLine($"  {parameter.Name,-20} {parameter.TypeText}; {fallback}; {parameter.RangeText}");
                    Console.Out.WriteLine($"  {string.Empty,-20} {parameter.Description}");
                }

                Console.Out.WriteLine();
            }

            if (only is null)
            {
                Console.Out.WriteLine($"Albumentations 2.x transforms planned here: {string.Join(", ", AlbumentationsCatalogue.Planned.Order(StringComparer.Ordinal))}");
                Console.Out.WriteLine("Albumentations 2.x transforms left out:");
                foreach (var group in AlbumentationsCatalogue.LeftOut.GroupBy(p => p.Value, p => p.Key))
                {
                    Console.Out.WriteLine($"  {string.Join(", ", group)}: {group.Key}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
