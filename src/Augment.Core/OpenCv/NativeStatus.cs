namespace Augment.Core.OpenCv;

/// <summary>What kind of native failure an <see cref="AugmentNativeException"/> reports.</summary>
public enum NativeStatus
{
    Ok = 0,

    /// <summary>OpenCV raised an error (its message is kept).</summary>
    OpenCvError = 1,
    UnknownError = 3,

    /// <summary>A bad argument from the engine (a size or type OpenCV does not take).</summary>
    InvalidArgument = 4,

    /// <summary>OpenCV could not decode the bytes.</summary>
    DecodeFailed = 5,
    OutOfMemory = 6,
}
