using System.Collections.Frozen;
using OranTestbed.Plans.Iot;

namespace OranTestbed.Results.Model;

/// <summary>
/// The units the store accepts: those of the O-RAN results schema (<c>$defs/units</c>) and three of our plans that it
/// lacks: <c>ratio</c> (0..1), <c>nanosecond</c> and <c>ppb</c>. The O-RAN export converts them (see OranJson README).
/// </summary>
public static class Units
{
    public const string Ratio = "ratio";
    public const string Nanosecond = "nanosecond";
    public const string Ppb = "ppb";
    public const string Count = "count";
    public const string Mbps = "Mbps";
    public const string Boolean = "boolean";
    public const string Text = "text";
    public const string Percentage = "percentage";
    public const string Millisecond = "millisecond";

    /// <summary>The O-RAN schema's units, in its order.</summary>
    public static readonly FrozenSet<string> Oran = FrozenSet.Create(StringComparer.Ordinal,
        Boolean, "bps", "kbps", Mbps, "Gbps", "dB", "dBm", Count, Millisecond, "second", "bps/Hz", Percentage, Text);

    public static readonly FrozenSet<string> All = Oran.Union([Ratio, Nanosecond, Ppb]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The unit a plan's metric is measured in (durations are kept in nanoseconds).</summary>
    public static string Of(MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => Ratio,
        MetricUnit.Count => Count,
        MetricUnit.Duration => Nanosecond,
        MetricUnit.Ppb => Ppb,
        MetricUnit.Mbps => Mbps,
        MetricUnit.Boolean => Boolean,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown unit"),
    };
}
