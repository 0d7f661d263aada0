using OranTestbed.Emulation.Timing;

namespace OranTestbed.Emulation.Reports;

/// <summary>The windows the nodes placed their messages in (advances before, delay after air time, ns).</summary>
public sealed record TransmitWindowsReport(TimeRange DlCPlaneAdvance, TimeRange UlCPlaneAdvance,
    TimeRange DlUPlaneAdvance, TimeRange UlUPlaneDelay);
