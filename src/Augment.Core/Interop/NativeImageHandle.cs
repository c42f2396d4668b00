using System.Runtime.InteropServices;

namespace Augment.Core.Interop;

/// <summary>Owns one native image (a cv::Mat behind aug_image).</summary>
internal sealed class NativeImageHandle : SafeHandle
{
    public NativeImageHandle() : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ImageFree(handle);
        return true;
    }
}
