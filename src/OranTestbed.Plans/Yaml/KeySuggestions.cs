namespace OranTestbed.Plans.Yaml;

/// <summary>
/// "Did you mean" for mistyped keys: the closest known key by edit distance, after treating '_' as '-' and ignoring
/// case (xRAN files write <c>T2a_max_up</c>, YANG <c>t2a-max-up</c>). Close means at most 2 edits, or a third of the key.
/// </summary>
internal static class KeySuggestions
{
    public static string? Closest(string unknown, IEnumerable<string> known)
    {
        string normal = Normalize(unknown);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int d = Distance(normal, Normalize(candidate));
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, normal.Length / 3) ? best : null;
    }

    private static string Normalize(string key) => key.Replace('_', '-').ToLowerInvariant();

    /// <summary>Levenshtein distance (insert, delete, substitute), two rows.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
