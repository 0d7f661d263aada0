namespace OranTestbed.Plans.Lab;

/// <summary>
/// S-plane topology (O-RAN.WG4.CUS §11.2; names <c>lls-c1</c>..<c>lls-c4</c>): C1 O-DU times the O-RU directly, C2 through
/// bridges that are PTP-aware, C3 the fronthaul network's PRTC/T-GM times both, C4 a local PRTC at the O-RU.
/// </summary>
public enum SyncTopology
{
    LlsC1,
    LlsC2,
    LlsC3,
    LlsC4,
}
