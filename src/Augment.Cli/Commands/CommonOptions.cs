using System.CommandLine;

namespace Augment.Cli.Commands;

internal sealed record CommonValues(string ConfigPath, int Jobs, string? CacheDir, string? OutputDir);

/// <summary>The config argument and the options `build`, `plan` and `verify` share.</summary>
internal sealed class CommonOptions
{
    private readonly Argument<string> _config = new("config")
    {
        Description = "The dataset's augment.yaml or augment.json (default: ./augment.yaml).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "augment.yaml",
    };

    private readonly Option<int> _jobs = new("--jobs", "-j")
    {
        Description = "How many sources are rendered at once (default: the number of cores).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private readonly Option<string?> _cacheDir = new("--cache-dir") { Description = "The content cache folder (default: $AUGMENT_CACHE_DIR, else OUTPUT/.augment/cache)." };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "The output folder instead of the config's output.dir." };

    public CommonOptions(Command command)
    {
        command.Arguments.Add(_config);
        command.Options.Add(_jobs);
        command.Options.Add(_cacheDir);
        command.Options.Add(_output);
        _jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--jobs must be at least 1");
            }
        });
    }

    public CommonValues Read(ParseResult parse) =>
        new(parse.GetValue(_config) ?? "augment.yaml", parse.GetValue(_jobs), parse.GetValue(_cacheDir), parse.GetValue(_output));
}
