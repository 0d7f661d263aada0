namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The symbols of a TDD special slot (S): downlink first, then the guard period, then uplink (3GPP TS 38.213 §11.1,
/// nrofDownlinkSymbols / nrofUplinkSymbols). They sum to the symbols per slot: 14, or 12 with extended CP.
/// </summary>
public readonly record struct SpecialSlotSplit(int Downlink, int Guard, int Uplink)
{
    public int Total => Downlink + Guard + Uplink;

    public override string ToString() => $"{Downlink}:{Guard}:{Uplink}";
}
