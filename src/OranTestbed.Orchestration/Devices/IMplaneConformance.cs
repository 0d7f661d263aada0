using OranTestbed.Mplane.Conformance;
using OranTestbed.Plans.Iot.Procedure;

namespace OranTestbed.Orchestration.Devices;

/// <summary>
/// An O-RU driven over its M-plane can run a case's <c>m-plane</c> conformance checks (CONF.0 §3.1) on its session;
/// what a check measures joins the O-RU's counters for the case's metrics. Failures of the M-plane itself throw
/// <see cref="DeviceFaultException"/> as every driver step does.
/// </summary>
public interface IMplaneConformance
{
    Task<CheckResult> CheckAsync(MplaneStep check, CancellationToken cancellationToken);

    /// <summary>How long the check may take (a 30-round supervision at 1 s takes 30 s).</summary>
    TimeSpan TimeoutOf(MplaneStep check);
}
