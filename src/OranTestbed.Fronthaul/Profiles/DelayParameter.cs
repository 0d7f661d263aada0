namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The delay-management parameters of O-RAN.WG4.CUS §4.4 (Table 4.4.2-1 etc.), as the M-plane YANG module
/// o-ran-delay-management names its leaves (see <see cref="DelayParameterNames"/>). All in nanoseconds; positive
/// T1a/T2a/Tcp_adv_dl are advances before air time, positive Ta3/Ta4 delays after it.
/// </summary>
public enum DelayParameter
{
    T2aMinUp,
    T2aMaxUp,
    T2aMinCpDl,
    T2aMaxCpDl,
    TcpAdvDl,
    T2aMinCpUl,
    T2aMaxCpUl,
    Ta3Min,
    Ta3Max,
    T1aMinUp,
    T1aMaxUp,
    T1aMinCpDl,
    T1aMaxCpDl,
    T1aMinCpUl,
    T1aMaxCpUl,
    Ta4Min,
    Ta4Max,
}
