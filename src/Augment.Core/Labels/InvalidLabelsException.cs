namespace Augment.Core.Labels;

/// <summary>A label file that cannot be used: the file, the line (1-based; 0 for the whole file) and what is wrong.</summary>
public sealed class InvalidLabelsException(string filePath, int line, string reason)
    : Exception(line > 0 ? $"{filePath}:{line}: {reason}" : $"{filePath}: {reason}")
{
    public string FilePath { get; } = filePath;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
