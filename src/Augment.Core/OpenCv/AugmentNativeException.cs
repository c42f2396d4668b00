namespace Augment.Core.OpenCv;

/// <summary>
/// A failure inside OpenCV, or OpenCV's library that cannot be loaded. Carries OpenCV's message and,
/// when one is being processed, the file.
/// </summary>
public sealed class AugmentNativeException : Exception
{
    public AugmentNativeException(NativeStatus status, string nativeMessage, string? filePath = null, Exception? innerException = null)
        : base(Compose(status, nativeMessage, filePath), innerException)
    {
        Status = status;
        NativeMessage = nativeMessage;
        FilePath = filePath;
    }

    public AugmentNativeException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = NativeStatus.UnknownError;
        NativeMessage = message;
    }

    public AugmentNativeException() : this("native failure")
    {
    }

    public AugmentNativeException(string message) : this(message, null)
    {
    }

    public NativeStatus Status { get; }

    /// <summary>The message as OpenCV reported it (shortened: <see cref="OpenCv.NativeMessage"/>).</summary>
    public string NativeMessage { get; }

    public string? FilePath { get; }

    private static string Compose(NativeStatus status, string nativeMessage, string? filePath)
    {
        var text = string.IsNullOrEmpty(nativeMessage) ? status.ToString() : nativeMessage;
        return filePath is null ? text : $"{filePath}: {text}";
    }
}
