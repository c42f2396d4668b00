namespace Augment.Core.Geometry;

/// <summary>
/// Reused arrays for displacement fields. An elastic op makes two fields of one float per pixel
/// (2 MB for a 512x512 image) for every item it applies to; fresh arrays of that size live on the
/// large object heap, and a build of thousands of items would churn gigabytes through it, each
/// megabyte bringing the next full collection closer. The renderer returns a run's fields once the
/// run is resampled; a few arrays per size are kept.
/// </summary>
internal static class FieldBuffers
{
    private const int KeptPerLength = 8;
    private static readonly Dictionary<int, Stack<float[]>> Free = [];
    private static readonly Lock Gate = new();

    /// <summary>An array of exactly <paramref name="length"/> floats, with any content: the caller overwrites all of it.</summary>
    public static float[] Rent(int length)
    {
        lock (Gate)
        {
            if (Free.TryGetValue(length, out var stack) && stack.TryPop(out var array))
            {
                return array;
            }
        }

        return GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>Gives back an array nothing will read again.</summary>
    public static void Return(float[] array)
    {
        lock (Gate)
        {
            if (!Free.TryGetValue(array.Length, out var stack))
            {
                Free[array.Length] = stack = new Stack<float[]>();
            }

            if (stack.Count < KeptPerLength)
            {
                stack.Push(array);
            }
        }
    }
}
