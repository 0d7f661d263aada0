using OranTestbed.Analysis.Timing;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// One O-RU interval set against the capture: what the O-RU says, what the capture shows (<see cref="CaptureLow"/> ..
/// <see cref="CaptureHigh"/>: equal when the O-RU's interval lies on the analyzer's grid, else the grid intervals wholly
/// inside .. those overlapping it), and the verdict (PASS agree, FAIL disagree, INCONCLUSIVE not evaluated) with
/// <see cref="Detail"/> naming the counters that disagree or why it was not evaluated.
/// </summary>
public sealed record ReceptionIntervalComparison(DeviceReceptionInterval Reported, ReceptionInterval? CaptureLow,
    ReceptionInterval? CaptureHigh, Verdict Verdict, string Detail);
