using System.Collections.Immutable;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Plans.Expansion;

/// <summary>A case's metrics as an operator judges them: the case's own, with the thresholds the operator's needs make
/// stricter (<c>testplans/operators/*.yaml</c>). The campaign expansion and the server's re-judging of uploaded evidence
/// both read them here.</summary>
public static class OperatorMetrics
{
    public static ImmutableArray<Metric> For(TestCase testCase, OperatorProfile op)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(op);
        var metrics = testCase.Metrics;
        foreach (var need in op.Needs)
        {
            foreach (var o in need.Thresholds)
            {
                if (o.CaseId == testCase.Id)
                {
                    metrics = [.. metrics.Select(m => m.Id == o.MetricId ? m with { Threshold = o.Threshold } : m)];
                }
            }
        }

        return metrics;
    }
}
