using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Operators;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// A need's own thresholds judged on a stored metric with the plan's criterion (<see cref="MetricThreshold.IsMet"/>),
/// not a second parser: a result may have been judged on the case's weaker threshold (an import, a run before the
/// operator tightened it), so a PASS is not enough for a need that asks more.
/// </summary>
internal static class NeedThresholds
{
    private const decimal NanosecondsPerMillisecond = 1_000_000m;

    /// <summary>Why <paramref name="metric"/> misses the need's <paramref name="criterion"/>; null when it meets it.</summary>
    public static string? Violation(MetricRecord? metric, ThresholdOverride criterion)
    {
        var threshold = criterion.Threshold;
        if (metric is null)
        {
            return $"{criterion.MetricId} was not recorded; the need asks {threshold}";
        }

        if (metric.Measured is not { } measured)
        {
            return $"{metric.Id} was not measured; the need asks {threshold}";
        }

        string value = $"{metric.Id} = {Decimals.Format(measured)} {metric.Unit}";
        if (InUnitOf(measured, metric.Unit, threshold.Unit) is not { } comparable)
        {
            return $"{value} cannot be compared with the need's {threshold} (a {MetricThreshold.Name(threshold.Unit)})";
        }

        return threshold.IsMet(comparable) ? null : $"{value}; the need asks {threshold} (the result was judged on {metric.Threshold})";
    }

    /// <summary>A stored value in the base of the threshold's unit: the same unit, or an O-RAN import's percentage or
    /// milliseconds (<c>OranUnits</c> keeps ours when the note survives; another tool's document may not).</summary>
    private static decimal? InUnitOf(decimal measured, string unit, MetricUnit thresholdUnit)
    {
        if (unit == Units.Of(thresholdUnit))
        {
            return measured;
        }

        return (unit, thresholdUnit) switch
        {
            (Units.Percentage, MetricUnit.Ratio) => measured / 100m,
            (Units.Millisecond, MetricUnit.Duration) => measured * NanosecondsPerMillisecond,
            _ => null,
        };
    }
}
