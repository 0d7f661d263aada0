using OranTestbed.Analysis.Timing;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// One rx-window report of an O-RU (o-ran-performance-management <c>measurement-result-stats</c>) in the analyzer's
/// terms: the interval [<see cref="StartNs"/>, <see cref="EndNs"/>) on the capture clock (ns since 1970), the U-plane
/// counts (RX_EARLY, RX_ON_TIME, RX_LATE) and the C-plane counts (RX_EARLY_C, …); a plane the O-RU did not report is
/// null. Neutral of how the report arrived (NETCONF, an emulated O-RU), so the analysis need not know the M-plane.
/// </summary>
public sealed record DeviceReceptionInterval(long StartNs, long EndNs, ReceptionCounts? UPlane, ReceptionCounts? CPlane);
