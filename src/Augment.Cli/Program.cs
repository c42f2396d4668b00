using System.CommandLine;
using Augment.Cli;
using Augment.Cli.Commands;

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
// The default handler would print a stack trace; ExitCodes.Run turns failures into messages.
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
return ExitCodes.Run(() => root.Parse(args).Invoke(invocation));
