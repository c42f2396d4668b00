using System.CommandLine;

namespace Augment.Cli.Commands;

internal sealed record CommonValues(string ConfigPath, int Jobs, string? CacheDir, string? OutputDir, string? CacheUrl = null, bool CacheRequired = false);

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

    private readonly Option<string?> _cacheUrl = new("--cache-url")
    {
        Description = "A shared HTTP cache (Bazel's remote-cache protocol: /cas/, /ac/) behind the local one (default: $AUGMENT_CACHE_URL; a bearer token from $AUGMENT_CACHE_TOKEN).",
    };

    private readonly Option<bool> _cacheRequired = new("--cache-required") { Description = "Fail when the shared cache cannot be used, instead of a warning and local work." };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "The output folder instead of the config's output.dir." };

    public CommonOptions(Command command)
    {
        command.Arguments.Add(_config);
        command.Options.Add(_jobs);
        command.Options.Add(_cacheDir);
        command.Options.Add(_output);
        command.Options.Add(_cacheUrl);
        command.Options.Add(_cacheRequired);
        _jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--jobs must be at least 1");
            }
        });
    }

    public CommonValues Read(ParseResult parse) =>
        new(
            parse.GetValue(_config) ?? "augment.yaml", parse.GetValue(_jobs), parse.GetValue(_cacheDir), parse.GetValue(_output),
            parse.GetValue(_cacheUrl) is { Length: > 0 } url ? url : Environment.GetEnvironmentVariable(Augment.Core.Cache.HttpCache.UrlVariable) is { Length: > 0 } fromEnv ? fromEnv : null,
            parse.GetValue(_cacheRequired));
}
