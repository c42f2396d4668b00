namespace Augment.Core.Dataset;

/// <summary>The output folder is locked by another build, and the caller asked not to wait.</summary>
public sealed class OutputLockedException : Exception
{
    public OutputLockedException(string lockPath)
        : base($"the output is locked by another build ({lockPath}); wait for it, or run again without --no-wait")
    {
        LockPath = lockPath;
    }

    public OutputLockedException() => LockPath = string.Empty;

    public OutputLockedException(string message, Exception innerException) : base(message, innerException) => LockPath = string.Empty;

    public string LockPath { get; }
}

/// <summary>
/// One build at a time per output folder: an exclusive lock on <c>.augment/lock</c>. On Linux .NET
/// takes an advisory flock for FileShare.None, which the kernel drops when the process dies, so a
/// killed build never leaves a stale lock.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private readonly FileStream _stream;

    private BuildLock(FileStream stream) => _stream = stream;

    public static BuildLock Acquire(string lockPath, bool wait, CancellationToken cancellation, Action? waiting = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var announced = false;
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (wait)
            {
                if (!announced)
                {
                    waiting?.Invoke();
                    announced = true;
                }

                cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                cancellation.ThrowIfCancellationRequested();
            }
            catch (IOException e)
            {
                throw new OutputLockedException($"the output is locked by another build ({lockPath}); wait for it, or run again without --no-wait", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
