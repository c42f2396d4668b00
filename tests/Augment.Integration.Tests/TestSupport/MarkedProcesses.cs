namespace Augment.Integration.Tests.TestSupport;

/// <summary>
/// Finds the processes a test started, however deep below it (MSBuild nodes, task hosts, the
/// engine): the test puts a marker in their environment, which every child inherits.
/// </summary>
internal static class MarkedProcesses
{
    /// <summary>The ids of live processes whose environment holds NAME=<paramref name="marker"/> and whose command line contains <paramref name="commandLine"/>.</summary>
    public static List<int> Find(string name, string marker, string commandLine)
    {
        var found = new List<int>();
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(commandLine, StringComparison.Ordinal)
                    && File.ReadAllText(Path.Combine(folder, "environ")).Contains($"{name}={marker}", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // exited meanwhile
            }
        }

        return found;
    }

    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // already gone
            }
        }
    }
}
