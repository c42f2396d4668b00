namespace Augment.Core.Interop;

/// <summary>The status every export of the native shim returns (augment_native.h).</summary>
public enum NativeStatus
{
    Ok = 0,
    OpenCvError = 1,
    StdError = 2,
    UnknownError = 3,
    InvalidArgument = 4,
    DecodeFailed = 5,
    OutOfMemory = 6,
}
