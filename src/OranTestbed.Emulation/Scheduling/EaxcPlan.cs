using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Emulation.Scheduling;

/// <summary>
/// The eAxC ids a node uses: DU port, band sector and CC as configured, RU port = antenna port (0..n−1) for the
/// carrier and n + port for PRACH, composed with a bit split (the profile's, or a wrong one). Recognising an id
/// decodes it with the split and checks every field.
/// </summary>
internal sealed class EaxcPlan
{
    private readonly ushort[] _carrier;
    private readonly ushort[] _prach;

    public EaxcPlan(EaxcBitWidths bits, int duPort, int bandSector, int cc, int ports, bool prach)
    {
        Bits = bits;
        DuPort = duPort;
        BandSector = bandSector;
        Cc = cc;
        Ports = ports;
        HasPrach = prach && 2 * ports <= 1 << bits.RuPort && Fits(bits, duPort, bandSector, cc);
        _carrier = new ushort[ports];
        _prach = new ushort[ports];
        for (int p = 0; p < ports; p++)
        {
            _carrier[p] = Compose(bits, duPort, bandSector, cc, p);
            _prach[p] = HasPrach ? Compose(bits, duPort, bandSector, cc, ports + p) : _carrier[p];
        }
    }

    public EaxcBitWidths Bits { get; }

    public int DuPort { get; }

    public int BandSector { get; }

    public int Cc { get; }

    public int Ports { get; }

    public bool HasPrach { get; }

    public ushort Carrier(int port) => _carrier[port];

    public ushort Prach(int port) => _prach[port];

    /// <summary>True when <paramref name="eaxc"/>, read with this split, is one of this plan's ids.</summary>
    public bool Recognises(ushort eaxc)
    {
        var id = new EaxcId(eaxc);
        int limit = HasPrach ? 2 * Ports : Ports;
        return id.DuPort(Bits) == DuPort && id.BandSector(Bits) == BandSector && id.Cc(Bits) == Cc
            && id.RuPort(Bits) < limit;
    }

    /// <summary>Composes, or returns a value no plan recognises (0xFFFF) when a field does not fit the split.</summary>
    public static ushort Compose(EaxcBitWidths bits, int duPort, int bandSector, int cc, int ruPort) =>
        Fits(bits, duPort, bandSector, cc) && ruPort < 1 << bits.RuPort
            ? EaxcId.Compose(bits, duPort, bandSector, cc, ruPort).Value
            : (ushort)0xFFFF;

    private static bool Fits(EaxcBitWidths bits, int duPort, int bandSector, int cc) =>
        duPort < 1 << bits.DuPort && bandSector < 1 << bits.BandSector && cc < 1 << bits.Cc;
}
