namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// Where the capture was taken, which decides the delay windows that apply (O-RAN.WG4.CUS §4.4): at the O-RU port
/// T2a / Ta3, at the O-DU port T1a / Ta4.
/// </summary>
public enum CaptureTap
{
    /// <summary>At the O-RU's fronthaul port: T2a (C-plane, DL U-plane received) and Ta3 (UL U-plane sent).</summary>
    Ru,

    /// <summary>At the O-DU's fronthaul port: T1a (C-plane, DL U-plane sent) and Ta4 (UL U-plane received).</summary>
    Du,
}
