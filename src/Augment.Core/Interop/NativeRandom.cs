namespace Augment.Core.Interop;

/// <summary>The shim's loops over the project's generator (random.hpp), for whole fields of draws.</summary>
internal static unsafe class NativeRandom
{
    /// <summary>
    /// Fills <paramref name="values"/> with FieldNormal() (or Uniform(-1, 1)) draws as floats, from
    /// and advancing the xoshiro256** <paramref name="state"/> (docs/randomness.md).
    /// </summary>
    public static void Field(Span<ulong> state, Span<float> values, bool gaussian)
    {
        fixed (ulong* s = state)
        fixed (float* v = values)
        {
            NativeMethods.Check(NativeMethods.RandomField(s, v, values.Length, gaussian ? 1 : 0));
        }
    }
}
