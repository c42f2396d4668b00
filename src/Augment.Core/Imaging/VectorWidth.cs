using System.Runtime.Intrinsics;

namespace Augment.Core.Imaging;

/// <summary>
/// How many bits of pixels a vectorised loop takes at a time. The loops that take one do the same
/// IEEE operations on every lane, in the same order, at every width: the width changes the speed,
/// never a bit of the result. Tests pass each width explicitly (a width the CPU lacks runs in
/// software, slowly but with the same values).
/// </summary>
internal enum VectorWidth
{
    /// <summary>One pixel at a time.</summary>
    Scalar = 0,

    /// <summary><see cref="Vector128{T}"/>: two doubles or four floats.</summary>
    Bits128 = 128,

    /// <summary><see cref="Vector256{T}"/>: four doubles or eight floats.</summary>
    Bits256 = 256,
}

/// <remarks>
/// The pixel and field kernels that use <see cref="Vector256{T}"/> are marked
/// <c>MethodImplOptions.AggressiveOptimization</c>. ReadyToRun compiles for a baseline CPU and leaves
/// such methods to the JIT, which would start them as unoptimised tier-0 code (every vector
/// operation a call) and recompile them only after 30 calls and a quiet spell of the JIT: a
/// 100-item classification build ran HueSaturationValue's step at tier 0 for most of its items,
/// 7.9 ms per applied item against 2 ms at 1,000 items. Optimised from the first call instead.
/// Tier 0 and tier 1 compute the same IEEE operations (the JIT never fuses a multiply and an add),
/// so only the speed changes.
/// </remarks>
internal static class VectorWidths
{
    /// <summary>The widest width this CPU runs in hardware.</summary>
    public static VectorWidth Best { get; } =
        Vector256.IsHardwareAccelerated ? VectorWidth.Bits256
        : Vector128.IsHardwareAccelerated ? VectorWidth.Bits128
        : VectorWidth.Scalar;
}
