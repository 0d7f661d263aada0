using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Scheduling;

/// <summary>
/// The DL and UL symbols of one slot (normal CP, 14 symbols): all of both directions with FDD; with TDD all DL for D
/// (and F, flexible, which this emulator uses for DL), all UL for U, and the special slot's split for S
/// (3GPP TS 38.213 §11.1).
/// </summary>
internal readonly record struct SlotSymbols(int DlStart, int DlCount, int UlStart, int UlCount)
{
    public const int SymbolsPerSlot = 14;

    public static SlotSymbols Of(FronthaulProfile profile, long slot)
    {
        if (profile.TddPattern is not { } tdd)
        {
            return new SlotSymbols(0, SymbolsPerSlot, 0, SymbolsPerSlot);
        }

        return tdd.SlotAt(slot) switch
        {
            'U' => new SlotSymbols(0, 0, 0, SymbolsPerSlot),
            'S' when tdd.Special is { } s => new SlotSymbols(0, s.Downlink, SymbolsPerSlot - s.Uplink, s.Uplink),
            _ => new SlotSymbols(0, SymbolsPerSlot, 0, 0),
        };
    }

    /// <summary>True when every symbol of the slot is UL (where a PRACH occasion can go).</summary>
    public bool AllUplink => UlCount == SymbolsPerSlot;
}
