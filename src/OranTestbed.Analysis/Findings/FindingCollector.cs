using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using OranTestbed.Analysis.Rules;

namespace OranTestbed.Analysis.Findings;

/// <summary>
/// Counts rule hits while frames stream by and keeps the lowest <see cref="ExamplesPerRule"/> distinct frame numbers of
/// each rule, ascending.
/// All storage is allocated in the constructor (a count array indexed by <see cref="Rule.Ordinal"/> and one flat
/// example buffer), so <see cref="Record"/> and <see cref="Retract"/> never allocate; <see cref="Build"/> produces the
/// immutable <see cref="Finding"/>s at the end. Not thread-safe: one collector per analyzer.
/// </summary>
public sealed class FindingCollector
{
    /// <summary>Default number of example frames kept per rule.</summary>
    public const int DefaultExamplesPerRule = 10;

    private readonly long[] _counts;
    private readonly long[] _examples;
    private readonly int[] _exampleCounts;

    public FindingCollector(int examplesPerRule = DefaultExamplesPerRule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(examplesPerRule);
        ExamplesPerRule = examplesPerRule;
        int rules = RuleCatalogue.Count;
        _counts = new long[rules];
        _examples = new long[rules * examplesPerRule];
        _exampleCounts = new int[rules];
    }

    public int ExamplesPerRule { get; }

    /// <summary>Hits of <paramref name="rule"/> so far.</summary>
    public long CountOf(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return _counts[rule.Ordinal];
    }

    /// <summary>Total hits of error-severity rules so far.</summary>
    public long ErrorCount
    {
        get
        {
            long total = 0;
            foreach (var rule in RuleCatalogue.All)
            {
                if (rule.Severity == RuleSeverity.Error)
                {
                    total += _counts[rule.Ordinal];
                }
            }

            return total;
        }
    }

    /// <summary>
    /// Records <paramref name="occurrences"/> hits of <paramref name="rule"/> in frame <paramref name="frameNumber"/>.
    /// The examples are the lowest <see cref="ExamplesPerRule"/> distinct frame numbers hit, kept ascending: a frame hit
    /// twice is one example, and a hit recorded late for an earlier frame (a UL C-plane judged unanswered when its slot
    /// expires) takes its place in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(Rule rule, long frameNumber, long occurrences = 1)
    {
        int ordinal = rule.Ordinal;
        _counts[ordinal] += occurrences;
        int examples = _exampleCounts[ordinal];
        int start = ordinal * ExamplesPerRule;
        if (examples == 0 || frameNumber > _examples[start + examples - 1])
        {
            if (examples < ExamplesPerRule)
            {
                _examples[start + examples] = frameNumber; // the common case: frames arrive in order
                _exampleCounts[ordinal] = examples + 1;
            }

            return;
        }

        InsertExample(ordinal, frameNumber);
    }

    /// <summary>
    /// Takes back <paramref name="occurrences"/> hits that later evidence disproved (a message counted lost that arrived
    /// late). Examples stay: they show where the suspicion arose. The count never goes below zero.
    /// </summary>
    public void Retract(Rule rule, long occurrences = 1)
    {
        ArgumentNullException.ThrowIfNull(rule);
        int ordinal = rule.Ordinal;
        _counts[ordinal] = Math.Max(0, _counts[ordinal] - occurrences);
    }

    /// <summary>Puts a frame number not above the last example into the sorted examples, unless it is one already.</summary>
    private void InsertExample(int ordinal, long frameNumber)
    {
        int examples = _exampleCounts[ordinal];
        var span = _examples.AsSpan(ordinal * ExamplesPerRule, ExamplesPerRule);
        int at = span[..examples].BinarySearch(frameNumber);
        if (at >= 0)
        {
            return; // already an example
        }

        at = ~at;
        int kept = Math.Min(examples + 1, ExamplesPerRule); // when full, the largest example falls off the end
        span[at..(kept - 1)].CopyTo(span[(at + 1)..kept]);
        span[at] = frameNumber;
        _exampleCounts[ordinal] = kept;
    }

    /// <summary>The findings so far (rules with a count above zero), in catalogue order.</summary>
    public ImmutableArray<Finding> Build()
    {
        var builder = ImmutableArray.CreateBuilder<Finding>();
        foreach (var rule in RuleCatalogue.All)
        {
            long count = _counts[rule.Ordinal];
            if (count == 0)
            {
                continue;
            }

            var examples = _examples.AsSpan(rule.Ordinal * ExamplesPerRule, _exampleCounts[rule.Ordinal]);
            builder.Add(new Finding(rule, count, [.. examples]));
        }

        return builder.ToImmutable();
    }
}
