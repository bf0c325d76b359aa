namespace PolicyGradient.Text;

/// <summary>The known name a mistyped one most likely meant (edit distance), for "did you mean" hints.</summary>
internal static class ClosestName
{
    /// <returns>The closest name within a third of the typed length (at least 2 edits, fewer than its length), or null if none is that close.</returns>
    public static string? To(string typed, IEnumerable<string> names)
    {
        // Short names are too close to everything: "-e" would "mean" --lr.
        int allowed = Math.Min(Math.Max(2, typed.Length / 3), typed.Length - 1);
        return names
            .Select(n => (Name: n, Distance: Distance(typed, n)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions; case is no difference (TRAIN means train).</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
