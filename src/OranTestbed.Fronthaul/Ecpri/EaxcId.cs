using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// An eAxC id (eCPRI PC_ID / RTC_ID in O-RAN traffic). The raw 16-bit value is the flow key; the split into
/// DU port, band sector, component carrier and RU port is presentation and depends on <see cref="EaxcBitWidths"/>.
/// </summary>
public readonly record struct EaxcId(ushort Value)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DuPort(EaxcBitWidths w) => Field(w.BandSector + w.Cc + w.RuPort, w.DuPort);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int BandSector(EaxcBitWidths w) => Field(w.Cc + w.RuPort, w.BandSector);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Cc(EaxcBitWidths w) => Field(w.RuPort, w.Cc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RuPort(EaxcBitWidths w) => Field(0, w.RuPort);

    public static EaxcId Compose(EaxcBitWidths w, int duPort, int bandSector, int cc, int ruPort)
    {
        Check(duPort, w.DuPort, nameof(duPort));
        Check(bandSector, w.BandSector, nameof(bandSector));
        Check(cc, w.Cc, nameof(cc));
        Check(ruPort, w.RuPort, nameof(ruPort));
        int value = (duPort << (w.BandSector + w.Cc + w.RuPort)) | (bandSector << (w.Cc + w.RuPort))
            | (cc << w.RuPort) | ruPort;
        return new EaxcId((ushort)value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Field(int shift, int width) => width == 0 ? 0 : (Value >> shift) & ((1 << width) - 1);

    private static void Check(int value, int width, string name)
    {
        if (value < 0 || value >= (1 << width))
        {
            throw new ArgumentOutOfRangeException(name, value, $"does not fit in {width} bits");
        }
    }

    public string Format(EaxcBitWidths w) => $"{DuPort(w)}:{BandSector(w)}:{Cc(w)}:{RuPort(w)}";
}
