using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Orchestration.Devices;

/// <summary>
/// An O-RU driver that keeps the O-RU's rx-window reports (o-ran-performance-management <c>measurement-result-stats</c>):
/// every interval reported during the session so far, in the analyzer's terms, so the test run can check them against
/// the capture (<see cref="ReceptionCounterCheck"/>).
/// </summary>
public interface IReceptionReports
{
    IReadOnlyList<DeviceReceptionInterval> ReceptionReports { get; }
}
