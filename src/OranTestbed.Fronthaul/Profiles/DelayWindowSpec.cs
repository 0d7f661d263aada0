namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// One row of <see cref="DelayWindows"/>: a delay window with its report name (the YANG stem of its leaves), the
/// parameters that bound it, where it applies (tap, plane, direction) and its sign: an advance (T1a/T2a: the message
/// must be at the tap in [t_air − max, t_air − min]) or a lag (Ta3/Ta4: [t_air + min, t_air + max]).
/// </summary>
public sealed record DelayWindowSpec(DelayWindow Window, string Name, DelayParameter Min, DelayParameter Max,
    CaptureTap Tap, bool CPlane, bool Downlink, bool IsAdvance);
