namespace OranTestbed.Analysis.Timing;

/// <summary>
/// What the O-RU's reception windows judged in [<see cref="StartNs"/>, <see cref="EndNs"/>) of the capture clock, as the
/// analyzer classified it at the O-RU tap: <see cref="UPlane"/> is the DL U-plane against T2a_up (the O-RU's RX_ON_TIME,
/// RX_EARLY, RX_LATE), <see cref="CPlane"/> the DL and UL C-plane against T2a_cp_dl / T2a_cp_ul (RX_ON_TIME_C, …).
/// </summary>
public sealed record ReceptionInterval(long StartNs, long EndNs, ReceptionCounts UPlane, ReceptionCounts CPlane);
