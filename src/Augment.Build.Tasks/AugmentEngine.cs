using System.Globalization;
using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Augment.Build.Tasks;

/// <summary>
/// Builds (or cleans) each <c>AugmentDataset</c> item by running the engine, the dotnet-augment tool,
/// in a process of its own.
/// </summary>
/// <remarks>
/// Isolation (PRODUCT.md section 9). Of the two ways to keep the engine's native code away from the
/// user's MSBuild node, an isolated AssemblyLoadContext and a separate process, only the process
/// protects the node: a load context still shares the address space, so a crash in OpenCV or a
/// hung native call would take the node, and every project it was building, down with it; and a
/// native library, once loaded, can never be unloaded from the node. Out of process, a crash is an
/// exit code that this task turns into an error, a hang is ended by Ctrl+C (ToolTask kills the
/// process tree on <see cref="ToolTask.Cancel"/>) or by <c>AugmentTimeout</c>, and the engine's
/// dependencies (YamlDotNet, Newtonsoft.Json, System.CommandLine) live in the engine's process, so
/// they can never collide with the copies MSBuild loads. This assembly references nothing beyond
/// MSBuild's own API and the framework. The targets load it with TaskHostFactory, so it runs in a
/// short-lived task host rather than in a reused node: the file is not held by a node that outlives
/// the build, and rebuilding it takes effect on the next build. The cost, a task host and an engine
/// process per build, is paid only when the targets' input check finds a change.
/// </remarks>
public sealed class AugmentEngine : ToolTask
{
    private ITaskItem? _dataset;
    private volatile bool _cancelled;

    /// <summary>The configs (augment.yaml) with metadata OutputDir, CacheDir, Jobs and StateDir.</summary>
    [Required]
    public ITaskItem[] Datasets { get; set; } = [];

    /// <summary>The engine's entry assembly, dotnet-augment.dll.</summary>
    [Required]
    public string EnginePath { get; set; } = string.Empty;

    /// <summary>OpenCvSharp's native library for this platform, passed to the engine as AUGMENT_OPENCV_LIBRARY when set.</summary>
    public string? OpenCvLibrary { get; set; }

    /// <summary>A shared HTTP cache (docs/distributed.md), passed to the engine as AUGMENT_CACHE_URL (not on its command line, which MSBuild logs: the URL may hold credentials).</summary>
    public string? CacheUrl { get; set; }

    /// <summary>Fail the build when the shared cache cannot be used (--cache-required).</summary>
    public bool CacheRequired { get; set; }

    /// <summary>build or clean.</summary>
    public string Command { get; set; } = "build";

    /// <summary>True once the engine ran (an up-to-date target skips the task, and this stays unset).</summary>
    [Output]
    public bool Ran { get; private set; }

    protected override string ToolName => "dotnet";

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    public override bool Execute()
    {
        var version = typeof(AugmentEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        Log.LogMessage(MessageImportance.Normal, $"Augment.Build.Tasks {version} runs {EnginePath} ({Command})");
        if (Command is not ("build" or "clean"))
        {
            Log.LogError(null, "AUG1006", null, null, 0, 0, 0, 0, $"AugmentEngine's Command is '{Command}'; it must be build or clean");
            return false;
        }

        if (!File.Exists(EnginePath))
        {
            Log.LogError(null, "AUG1005", null, EnginePath, 0, 0, 0, 0,
                "the Augment.Build engine (dotnet-augment.dll) is missing; restore the Augment.Build package again, or in this repository build src/Augment.Cli");
            return false;
        }

        var environment = new List<string> { "DOTNET_NOLOGO=1", "DOTNET_CLI_TELEMETRY_OPTOUT=1" };
        if (!string.IsNullOrEmpty(OpenCvLibrary))
        {
            environment.Add($"AUGMENT_OPENCV_LIBRARY={OpenCvLibrary}");
        }

        if (!string.IsNullOrEmpty(CacheUrl))
        {
            environment.Add($"AUGMENT_CACHE_URL={CacheUrl}");
        }

        EnvironmentVariables = [.. environment];
        var succeeded = true;
        foreach (var dataset in Datasets)
        {
            if (_cancelled)
            {
                return false;
            }

            _dataset = dataset;
            Ran = true;
            succeeded &= base.Execute();
        }

        return succeeded && !Log.HasLoggedErrors;
    }

    public override void Cancel()
    {
        _cancelled = true;
        base.Cancel();
    }

    protected override string GenerateFullPathToTool() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : ToolName;

    protected override string GenerateCommandLineCommands()
    {
        var dataset = _dataset ?? throw new InvalidOperationException("no dataset is being built");
        var arguments = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        arguments.AppendFileNameIfNotNull(EnginePath);
        arguments.AppendSwitch(Command);
        arguments.AppendFileNameIfNotNull(dataset.GetMetadata("FullPath"));
        AppendIfSet(arguments, "--output ", dataset.GetMetadata("OutputDir"));
        AppendIfSet(arguments, "--cache-dir ", dataset.GetMetadata("CacheDir"));
        if (Command == "build")
        {
            if (int.TryParse(dataset.GetMetadata("Jobs"), NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs > 0)
            {
                arguments.AppendSwitchIfNotNull("--jobs ", jobs.ToString(CultureInfo.InvariantCulture));
            }

            if (CacheRequired)
            {
                arguments.AppendSwitch("--cache-required");
            }

            arguments.AppendSwitchIfNotNull("--msbuild-state ", dataset.GetMetadata("StateDir"));
        }
        else
        {
            arguments.AppendSwitch("--msbuild");
        }

        return arguments.ToString();
    }

    /// <summary>
    /// The engine reports each problem itself in MSBuild's format, which <see cref="ToolTask"/> logs as
    /// errors with file, line, column and code; an exit without one is a crash or a kill.
    /// </summary>
    protected override bool HandleTaskExecutionErrors()
    {
        if (Log.HasLoggedErrors || _cancelled)
        {
            return false;
        }

        var config = _dataset?.ItemSpec;
        var what = ExitCode > 128 ? $"was killed by signal {ExitCode - 128}" : $"exited with code {ExitCode}";
        Log.LogError(null, "AUG1001", null, config, 0, 0, 0, 0,
            $"the Augment.Build engine {what} without reporting an error (a crash in native code?); outputs already written are kept, and the next build continues");
        return false;
    }

    private static void AppendIfSet(CommandLineBuilder arguments, string option, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            arguments.AppendSwitchIfNotNull(option, value.TrimEnd('/', '\\'));
        }
    }
}
