using System.Runtime.InteropServices;

namespace Augment.Core.Interop;

/// <summary>Owns one native byte buffer (an encoded image behind aug_buffer).</summary>
internal sealed class NativeBufferHandle : SafeHandle
{
    public NativeBufferHandle() : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.BufferFree(handle);
        return true;
    }
}
