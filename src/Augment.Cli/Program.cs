using System.CommandLine;
using Augment.Cli;
using Augment.Cli.Commands;
using Augment.Core.Platform;

// Codec libraries inside OpenCV print about damaged files to stderr; the item's error says it already.
NativeStderr.Install();

var root = new RootCommand("Augment.Build: augmented image datasets as build outputs.");
VersionReport.Attach(root);
root.Subcommands.Add(BuildCommand.Create());
root.Subcommands.Add(PlanCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(CleanCommand.Create());
root.Subcommands.Add(OpsCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(PreviewCommand.Create());
root.Subcommands.Add(InspectCommand.Create());
root.Subcommands.Add(AlbumentationsCommands.Import());
root.Subcommands.Add(AlbumentationsCommands.Export());
// The default handler would print a stack trace; ExitCodes.Run turns failures into messages.
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
return ExitCodes.Run(() =>
{
    var parse = root.Parse(args);
    var errors = parse.Errors.Select(e => e.Message).Concat(UnknownOptions.Of(parse)).ToList();
    if (errors.Count > 0)
    {
        // Bad usage is exit 2, apart from "some items failed" (1).
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }

        Console.Error.WriteLine("run `dotnet augment --help` for the commands and options");
        return ExitCodes.BadUsageOrEnvironment;
    }

    return parse.Invoke(invocation);
});
