using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Results.Matrices;

/// <summary>
/// Two sets of results compared test by test: two runs, or the latest results of two software versions of a product.
/// A test is what was tested without the versions (band, operator profile, case, repetition, products by id), so a
/// new software version of the same pair compares with the old one. Aborted results are not results.
/// </summary>
public sealed record ResultsComparison(ImmutableArray<ResultsComparison.Change> Regressions,
    ImmutableArray<ResultsComparison.Change> Fixes, ImmutableArray<ResultsComparison.Change> Changed, int Unchanged,
    ImmutableArray<ExecutionResult> NewlyCovered, ImmutableArray<ExecutionResult> Dropped)
{
    public static ResultsComparison Compare(IEnumerable<ExecutionResult> before, IEnumerable<ExecutionResult> after)
    {
        var old = ByTest(before);
        var @new = ByTest(after);
        var regressions = ImmutableArray.CreateBuilder<Change>();
        var fixes = ImmutableArray.CreateBuilder<Change>();
        var changed = ImmutableArray.CreateBuilder<Change>();
        int unchanged = 0;
        foreach (var (test, then) in old.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!@new.TryGetValue(test, out var now))
            {
                continue;
            }

            var change = new Change(test, then, now);
            (then.Outcome.Verdict == now.Outcome.Verdict ? null
                : then.Outcome.Verdict == Verdict.Pass ? regressions
                : now.Outcome.Verdict == Verdict.Pass ? fixes
                : changed)?.Add(change);
            unchanged += then.Outcome.Verdict == now.Outcome.Verdict ? 1 : 0;
        }

        return new ResultsComparison(regressions.ToImmutable(), fixes.ToImmutable(), changed.ToImmutable(), unchanged,
            [.. @new.Where(t => !old.ContainsKey(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value)],
            [.. old.Where(t => !@new.ContainsKey(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value)]);
    }

    /// <summary>
    /// The newest result of each test with <paramref name="productId"/> at software <paramref name="from"/> compared with
    /// that at <paramref name="to"/>. The store keeps every execution's newest result per O-DU and O-RU software
    /// (<see cref="ExecutionFilter.LatestPerVersions"/>): for an O-DU or O-RU it holds the newest result of each test at
    /// each version, so the comparison reads those, not the product's history; a product in another role (an O-CU) is
    /// compared over its history.
    /// </summary>
    public static async Task<ResultsComparison> OfVersionsAsync(ResultsStore store, string productId, string from, string to,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rank = (await store.ListRunsAsync(cancellationToken).ConfigureAwait(false))
            .Select((run, i) => (run.RunId, i)).ToDictionary(r => r.RunId, r => r.i, StringComparer.Ordinal);
        var product = new ExecutionFilter { Product = productId };
        var results = await store.ListExecutionsAsync(product with { LatestPerVersions = true }, cancellationToken).ConfigureAwait(false);
        if (results.Any(e => e.Subject.Products.Any(p => p.Id == productId && p.Role is not ("o-du" or "o-ru"))))
        {
            results = await store.ListExecutionsAsync(product, cancellationToken).ConfigureAwait(false);
        }

        var oldestFirst = results.OrderBy(e => rank.GetValueOrDefault(e.RunId, -1)).ToList();
        bool At(ExecutionResult e, string software) => e.Subject.Products.Any(p => p.Id == productId && p.Software == software);
        return Compare(oldestFirst.Where(e => At(e, from)), oldestFirst.Where(e => At(e, to)));
    }

    /// <summary>The test a result belongs to, without product versions.</summary>
    public static string TestOf(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Subject;
        return string.Join('|', s.Band, s.OperatorProfile, s.CaseId, s.Repetition, s.Combination);
    }

    /// <summary>One result per test: the last given wins (give them oldest first).</summary>
    private static Dictionary<string, ExecutionResult> ByTest(IEnumerable<ExecutionResult> results)
    {
        var byTest = new Dictionary<string, ExecutionResult>(StringComparer.Ordinal);
        foreach (var result in results.Where(r => r.Outcome.Verdict != Verdict.Aborted))
        {
            byTest[TestOf(result)] = result;
        }

        return byTest;
    }

    /// <summary>A test whose verdict moved from <paramref name="Before"/>'s to <paramref name="After"/>'s.</summary>
    public sealed record Change(string Test, ExecutionResult Before, ExecutionResult After);
}
