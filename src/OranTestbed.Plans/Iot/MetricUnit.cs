namespace OranTestbed.Plans.Iot;

/// <summary>The unit of a metric, which decides how its threshold is written.</summary>
public enum MetricUnit
{
    /// <summary><c>ratio</c>: 0..1 or a percentage (0.8, 80%).</summary>
    Ratio,

    /// <summary><c>count</c>: a whole number ≥ 0.</summary>
    Count,

    /// <summary><c>duration</c>: with a unit (1500ns, 300s); kept in nanoseconds.</summary>
    Duration,

    /// <summary><c>ppb</c>: parts per billion (50ppb).</summary>
    Ppb,

    /// <summary><c>mbps</c>: throughput (800Mbps, 1.2Gbps); kept in Mbit/s.</summary>
    Mbps,

    /// <summary><c>boolean</c>: true or false, compared with ==.</summary>
    Boolean,
}
