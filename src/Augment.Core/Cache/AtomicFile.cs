namespace Augment.Core.Cache;

/// <summary>
/// Writes that are never seen half-done (PRODUCT.md section 10): the bytes go to a temporary name in
/// the same folder, are flushed, and the file is renamed over its final name.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = TempName(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
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

    public static void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>A name next to <paramref name="path"/> that no other writer uses and no reader takes for a final file.</summary>
    public static string TempName(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return $"{path}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.tmp";
    }

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
