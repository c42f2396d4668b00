using System.Diagnostics;

namespace Augment.Integration.Tests.TestSupport;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>Runs a real child process and captures what it prints.</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static ProcessResult Run(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep child dotnet processes from sharing build servers with the test host's environment.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Runs a command whose children may outlive it (MSBuild's reused nodes inherit its output, so
    /// its pipes would stay open until they exit): the output goes to a file, read when it exits.
    /// </summary>
    public static ProcessResult RunWithOutputInFile(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var log = System.IO.Path.Combine(workingDirectory, $"output-{Guid.NewGuid():N}.log");
        var result = Run("bash", ["-c", "log=$1; shift; exec \"$@\" > \"$log\" 2>&1", "bash", log, fileName, .. arguments], workingDirectory, environment);
        var output = File.ReadAllText(log);
        File.Delete(log);
        return result with { StandardOutput = output };
    }

    /// <summary>Runs the dotnet-augment tool built next to this test assembly.</summary>
    public static ProcessResult RunTool(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Run("dotnet", ["exec", RepoPaths.CliAssembly, .. arguments], environment: environment);
}
