namespace OranTestbed.Plans.Iot;

/// <summary>Where the orchestrator takes a metric's measurement from.</summary>
public enum MetricSource
{
    /// <summary><c>analyzer</c>: the fronthaul analyzer's report of the case's capture.</summary>
    Analyzer,

    /// <summary><c>o-ru-counters</c>: counters read from the O-RU (e.g. rx-window-measurement RX_EARLY, RX_LATE).</summary>
    ORuCounters,

    /// <summary><c>o-du-counters</c>: counters and state read from the O-DU.</summary>
    ODuCounters,

    /// <summary><c>traffic-tool</c>: the UE / application test server (throughput, delivered packets).</summary>
    TrafficTool,

    /// <summary><c>sync-monitor</c>: a PTP/SyncE measurement probe (time and frequency error).</summary>
    SyncMonitor,
}
