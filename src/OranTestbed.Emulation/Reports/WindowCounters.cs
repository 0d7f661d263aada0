using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Reports;

/// <summary>
/// An O-RU reception counter set for one window, as an O-RU keeps them (O-RAN.WG4.MP o-ran-performance-management
/// rx-on-time / rx-early / rx-late): messages received on a known eAxC, classified against the profile's bounds
/// (exactly at an edge is on time, as the analyzer counts). <see cref="Checked"/> is false when the profile does not
/// give both bounds; the counts are then zero.
/// </summary>
public sealed record WindowCounters(DelayWindow Window, bool Checked, long Early, long OnTime, long Late)
{
    public long Total => Early + OnTime + Late;
}
