using System.Diagnostics;
using System.Globalization;
using System.Text;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// The real tool started in the background, so a test can watch it, stop it (SIGSTOP), resume it,
/// or kill it (SIGKILL) part-way. Waits are for conditions, with a generous limit that only turns a
/// hang into a failure; nothing is asserted about how long anything takes.
/// </summary>
internal sealed class RunningTool : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private RunningTool(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the tool with <paramref name="arguments"/>, in <paramref name="workingDirectory"/> (the repository by default), with <paramref name="environment"/> set (a null value unsets a variable).</summary>
    public static RunningTool Start(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in (string[])["exec", RepoPaths.CliAssembly, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var tool = new RunningTool(process);
        process.OutputDataReceived += (_, e) => Append(tool._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(tool._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails when the tool exits first or the limit passes.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited && !condition())
            {
                throw new Xunit.Sdk.XunitException($"the tool exited before {what}: {WaitForExit()}");
            }

            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"{what} did not happen within {Limit}; stderr so far:\n{StandardError}");
            }

            Thread.Sleep(5);
        }
    }

    public void Stop() => Signal("STOP");

    public void Resume() => Signal("CONT");

    /// <summary>SIGKILL, as `kill -9`: no handler runs, nothing is flushed or cleaned up.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ProcessResult WaitForExit()
    {
        if (!_process.WaitForExit(Limit))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the tool did not exit within {Limit}; stderr so far:\n{StandardError}");
        }

        _process.WaitForExit(); // drains the redirected streams
        lock (_stdout)
        {
            return new ProcessResult(_process.ExitCode, _stdout.ToString(), StandardError);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        var result = ProcessRunner.Run("kill", [$"-{signal}", Id.ToString(CultureInfo.InvariantCulture)]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Id} failed: {result}");
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
