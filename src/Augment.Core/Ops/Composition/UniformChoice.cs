using Augment.Core.Randomness;

namespace Augment.Core.Ops.Composition;

/// <summary>n of a composition's children drawn uniformly, in the order drawn (SomeOf sorts them, RandomOrder keeps it).</summary>
internal static class UniformChoice
{
    public static IReadOnlyList<int> Draw(RandomStream rng, int count, int n, bool replace)
    {
        if (replace)
        {
            return Enumerable.Range(0, n).Select(_ => (int)rng.NextInt64(0, count)).ToList();
        }

        // A partial Fisher-Yates shuffle picks n distinct indices.
        var indices = Enumerable.Range(0, count).ToArray();
        for (var i = 0; i < n; i++)
        {
            var j = (int)rng.NextInt64(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return indices.Take(n).ToList();
    }
}
