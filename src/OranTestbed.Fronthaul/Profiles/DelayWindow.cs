namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The reception/transmission windows of O-RAN.WG4.CUS §4.4, each bounded by a min and a max
/// <see cref="DelayParameter"/>. T2a and Ta3 apply at the O-RU tap, T1a and Ta4 at the O-DU tap.
/// </summary>
public enum DelayWindow
{
    /// <summary>DL U-plane received by the O-RU: [t_air − T2a_max_up, t_air − T2a_min_up].</summary>
    T2aUp,

    /// <summary>DL C-plane received by the O-RU.</summary>
    T2aCpDl,

    /// <summary>UL C-plane received by the O-RU.</summary>
    T2aCpUl,

    /// <summary>UL U-plane sent by the O-RU: [t_air + Ta3_min, t_air + Ta3_max].</summary>
    Ta3,

    /// <summary>DL U-plane sent by the O-DU.</summary>
    T1aUp,

    /// <summary>DL C-plane sent by the O-DU.</summary>
    T1aCpDl,

    /// <summary>UL C-plane sent by the O-DU.</summary>
    T1aCpUl,

    /// <summary>UL U-plane received by the O-DU: [t_air + Ta4_min, t_air + Ta4_max].</summary>
    Ta4,
}
