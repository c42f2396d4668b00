using System.Text;

namespace Augment.Core.Tests.TestSupport;

/// <summary>
/// Redirects the process's file descriptor 2 to a temporary file, so that what native code prints
/// with fprintf(stderr) or write(2) is seen. Use only in the <see cref="StderrCollection"/>: the
/// redirect is process-wide, and anything another test writes meanwhile would be caught too.
/// </summary>
internal sealed class StderrCapture : IDisposable
{
    private readonly string _path;
    private int _savedStderr;

    private StderrCapture(string path)
    {
        _path = path;
        Libc.FlushAll(0);
        _savedStderr = Libc.ThrowIfFailed(Libc.Dup(Libc.StandardError), "dup");
        using var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        // On Unix a SafeFileHandle's handle is the file descriptor.
        Libc.ThrowIfFailed(Libc.Dup2((int)file.DangerousGetHandle(), Libc.StandardError), "dup2");
    }

    /// <summary>Runs <paramref name="action"/> with fd 2 redirected and returns what was written to it.</summary>
    public static string Run(Action action)
    {
        var path = Path.Combine(Path.GetTempPath(), $"augment-tests-stderr-{Environment.ProcessId}.txt");
        try
        {
            using (new StderrCapture(path))
            {
                action();
            }

            return File.ReadAllText(path, Encoding.UTF8);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        if (_savedStderr < 0)
        {
            return;
        }

        Libc.FlushAll(0);
        Libc.ThrowIfFailed(Libc.Dup2(_savedStderr, Libc.StandardError), "dup2");
        Libc.Close(_savedStderr);
        _savedStderr = -1;
    }
}
