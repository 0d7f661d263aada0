namespace OranTestbed.Emulation.Reports;

/// <summary>
/// An emulated O-RU's reception counters (the three T2a windows) over one measurement interval
/// [<see cref="StartNs"/>, <see cref="EndNs"/>) of its clock, ns since 1970; <see cref="Counters"/>' message totals
/// (received, unknown eAxC, corrupt) are kept for the whole run only and are zero here.
/// </summary>
public sealed record IntervalReceptionCounters(long StartNs, long EndNs, ReceptionCounters Counters);
