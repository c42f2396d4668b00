using System.CommandLine;
using Augment.Core.Preview;

namespace Augment.Cli.Commands;

/// <summary>`preview`: a contact sheet PNG of sources beside their variants, masks in colour.</summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var command = new Command("preview", "Write a contact sheet PNG: each chosen source beside its variants, masks drawn in colour.");
        var config = new Argument<string>("config") { Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "augment.yaml", Description = "The dataset's config." };
        var sources = new Option<int>("--sources") { DefaultValueFactory = _ => 4, Description = "How many sources (the first by name)." };
        var variants = new Option<int>("--variants") { DefaultValueFactory = _ => 4, Description = "How many variants of each." };
        var output = new Option<string>("--out") { DefaultValueFactory = _ => "preview.png", Description = "Where to write the sheet." };
        command.Arguments.Add(config);
        command.Options.Add(sources);
        command.Options.Add(variants);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var (rows, columns) = (Math.Max(1, parse.GetValue(sources)), Math.Max(1, parse.GetValue(variants)));
            byte[] png;
            try
            {
                png = ContactSheet.Render(parse.GetValue(config)!, rows, columns);
            }
            catch (Augment.Core.Labels.InvalidLabelsException e)
            {
                Diagnostics.File(Augment.Core.Dataset.BuildErrorCode.InvalidLabels, e.FilePath, e.Reason, e.Line);
                return ExitCodes.ItemsFailed;
            }
            catch (Augment.Core.Imaging.InvalidImageException e)
            {
                Diagnostics.File(Augment.Core.Dataset.BuildErrorCode.InvalidImage, e.FilePath, e.Reason);
                return ExitCodes.ItemsFailed;
            }

            var target = parse.GetValue(output)!;
            File.WriteAllBytes(target, png);
            Console.Out.WriteLine($"wrote {target}");
            return ExitCodes.Success;
        });
        return command;
    }
}
