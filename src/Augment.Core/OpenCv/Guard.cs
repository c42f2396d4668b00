using OpenCvSharp;

namespace Augment.Core.OpenCv;

/// <summary>
/// Runs OpenCvSharp calls and turns what they throw (OpenCV's cv::Exception, surfaced as
/// <see cref="OpenCVException"/>, and OpenCvSharp's own argument checks) into the engine's one
/// native exception type, with OpenCV's message shortened and the file being processed.
/// </summary>
internal static class Guard
{
    public static void Run(Action action, string? filePath = null)
    {
        try
        {
            action();
        }
        catch (Exception e) when (Translate(e, filePath) is { } translated)
        {
            throw translated;
        }
    }

    public static T Run<T>(Func<T> action, string? filePath = null)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (Translate(e, filePath) is { } translated)
        {
            throw translated;
        }
    }

    private static AugmentNativeException? Translate(Exception e, string? filePath) => e switch
    {
        AugmentNativeException => null,
        // StsNoMem: an allocation OpenCV could not satisfy is never taken for corrupt input.
        OpenCVException { Status: ErrorCode.StsNoMem } cv => new AugmentNativeException(NativeStatus.OutOfMemory, NativeMessage.Clean(cv.Message), filePath, cv),
        OpenCVException cv => new AugmentNativeException(NativeStatus.OpenCvError, NativeMessage.Clean(cv.Message), filePath, cv),
        OpenCvSharpException sharp => new AugmentNativeException(NativeStatus.OpenCvError, NativeMessage.Clean(sharp.Message), filePath, sharp),
        OutOfMemoryException oom => new AugmentNativeException(NativeStatus.OutOfMemory, oom.Message, filePath, oom),
        _ => null,
    };
}
