using Microsoft.Win32.SafeHandles;

namespace Augment.Core.Cache;

/// <summary>
/// Writes that are never seen half-done (PRODUCT.md section 10): the bytes go to a temporary name in
/// the same folder, are flushed, and the file is renamed over its final name.
/// </summary>
public static partial class AtomicFile
{
    /// <param name="durable">
    /// Flush the file to disk (fsync) before the rename. False only where the caller makes a whole
    /// group of files durable at once before anything names them (<see cref="DurableBatch{T}"/>).
    /// </param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, bool durable = true)
    {
        // The folder is made only when it is missing: a cache object's folder mostly exists already.
        var temp = UniqueName(path);
        try
        {
            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                // Creating a new file fails with ENOENT only when its folder is missing; .NET reports
                // that as FileNotFound at times (seen in a parallel build, the folder being made by
                // another thread meanwhile), so both mean: make the folder, try again.
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }

            using (handle)
            {
                RandomAccess.Write(handle, bytes, 0);
                if (durable)
                {
                    RandomAccess.FlushToDisk(handle);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteText(string path, string text, bool durable = true) => Write(path, System.Text.Encoding.UTF8.GetBytes(text), durable);

    /// <summary>Writes only when the content differs: a build with nothing to do writes nothing.</summary>
    public static void WriteTextIfChanged(string path, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        try
        {
            if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                return;
            }
        }
        catch (IOException)
        {
            // unreadable: write it anew
        }

        Write(path, bytes);
    }

    /// <summary>
    /// Writes through <paramref name="write"/> to a temporary file, then keeps the file at
    /// <paramref name="path"/> when it holds the same bytes (a build with nothing to do writes
    /// nothing) or renames the new one over it. For content too large to build in memory first.
    /// </summary>
    public static void WriteIfChanged(string path, Action<Stream> write)
    {
        var temp = TempName(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush();
                if (SameContent(stream, path))
                {
                    stream.Dispose();
                    TryDelete(temp);
                    return;
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static bool SameContent(FileStream written, string path)
    {
        try
        {
            using var existing = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (existing.Length != written.Length)
            {
                return false;
            }

            written.Position = 0;
            var a = new byte[1 << 16];
            var b = new byte[1 << 16];
            while (true)
            {
                var n = written.ReadAtLeast(a, a.Length, throwOnEndOfStream: false);
                if (n == 0)
                {
                    return true;
                }

                if (existing.ReadAtLeast(b, n, throwOnEndOfStream: false) != n || !a.AsSpan(0, n).SequenceEqual(b.AsSpan(0, n)))
                {
                    return false;
                }
            }
        }
        catch (IOException)
        {
            return false; // none, or unreadable: write it anew
        }
    }

    /// <summary>
    /// Removes temporary files (this class's naming) that a killed process left below
    /// <paramref name="folder"/>; those of a process that is still running are left alone.
    /// </summary>
    public static int RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories))
        {
            var match = LeftoverName().Match(file);
            if (match.Success && !Directory.Exists($"/proc/{match.Groups["pid"].Value}"))
            {
                TryDelete(file);
                removed++;
            }
        }

        return removed;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.(?<pid>\d+)\.\d+\.tmp$")]
    private static partial System.Text.RegularExpressions.Regex LeftoverName();

    /// <summary>A name next to <paramref name="path"/> that no other writer uses and no reader takes for a final file.</summary>
    public static string TempName(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return UniqueName(path);
    }

    private static string UniqueName(string path) => $"{path}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.tmp";

    public static bool IsTempName(string path) => path.EndsWith(".tmp", StringComparison.Ordinal);

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long _counter;
}
