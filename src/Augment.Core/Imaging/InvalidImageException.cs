namespace Augment.Core.Imaging;

/// <summary>
/// A source file that is not a usable image: empty, truncated, corrupt, of an unknown format, or
/// larger than the configured pixel limit. The message always starts with the file's path.
/// </summary>
public sealed class InvalidImageException : Exception
{
    public InvalidImageException(string filePath, string reason, Exception? innerException = null)
        : base($"{filePath}: {reason}", innerException)
    {
        FilePath = filePath;
        Reason = reason;
    }

    public InvalidImageException() : this("(unknown)", "invalid image")
    {
    }

    public InvalidImageException(string message) : this("(unknown)", message)
    {
    }

    public InvalidImageException(string message, Exception innerException) : this("(unknown)", message, innerException)
    {
    }

    public string FilePath { get; }

    public string Reason { get; }
}
