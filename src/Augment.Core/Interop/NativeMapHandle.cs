using System.Runtime.InteropServices;

namespace Augment.Core.Interop;

/// <summary>Owns one native remap map (the x and y maps behind aug_map).</summary>
internal sealed class NativeMapHandle : SafeHandle
{
    public NativeMapHandle() : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.MapFree(handle);
        return true;
    }
}
