using System.CommandLine;
using System.CommandLine.Parsing;

namespace Augment.Cli;

/// <summary>
/// A token that looks like an option but is none of the command's is an error by its name, not a
/// value: System.CommandLine hands it to an argument that can take one (`verify --json` once read
/// `--json` as the config path). A file whose name starts with '-' is still reachable as `./-name`.
/// </summary>
internal static class UnknownOptions
{
    public static IEnumerable<string> Of(ParseResult parse)
    {
        var path = string.Join(' ', Commands(parse.CommandResult).Reverse().Skip(1));
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                yield return $"unknown option {token.Value} for `dotnet augment {path}`; `dotnet augment {path} --help` lists its options";
            }
        }
    }

    private static IEnumerable<string> Commands(CommandResult? result)
    {
        for (var at = result; at is not null; at = at.Parent as CommandResult)
        {
            yield return at.Command.Name;
        }
    }
}
