using System.Collections.Immutable;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// What an M-plane conformance check measured: named values (1/0 for yes/no, counts, durations in ms) for the case's
/// metrics to judge, and notes on what could not be measured and why. A check never judges; the case's thresholds do.
/// </summary>
public sealed record CheckResult(ImmutableSortedDictionary<string, decimal> Values, ImmutableArray<string> Notes)
{
    public static CheckResult NotMeasured(string why) => new(ImmutableSortedDictionary<string, decimal>.Empty.WithComparers(StringComparer.Ordinal), [why]);

    public static CheckResult Of(params (string Name, decimal Value)[] values) => new(
        values.ToImmutableSortedDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal), []);

    public static decimal Flag(bool value) => value ? 1 : 0;
}
