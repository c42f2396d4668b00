namespace Augment.Core.Config;

/// <summary>"Did you mean" for misspelled keys and op names: the closest known name by edit distance.</summary>
internal static class Suggestions
{
    public static string? Closest(string given, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Name: k, Distance: Distance(given.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        // Allow about one edit in three characters, and at least two for short names.
        return best.Name is not null && best.Distance <= Math.Max(2, given.Length / 3) ? best.Name : null;
    }

    public static string DidYouMean(string given, IEnumerable<string> known) =>
        Closest(given, known) is { } match ? $"; did you mean '{match}'?" : string.Empty;

    // Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
