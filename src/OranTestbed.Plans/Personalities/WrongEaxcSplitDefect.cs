using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Plans.Personalities;

/// <summary>
/// The product composes (O-DU) or reads (O-RU) eAxC ids with <see cref="EaxcBits"/> instead of the profile's split,
/// per slot and eAxC with probability <see cref="Defect.Rate"/> (1 = always, a configuration error). The peer then
/// does not recognise the eAxC: an O-RU does not answer an O-DU's UL C-plane sent that way, an O-DU's UL C-plane gets
/// its answer on another eAxC. Visible only when the DU-port, band-sector or CC ids are not all zero (with zeros
/// every split composes the same value).
/// </summary>
public sealed record WrongEaxcSplitDefect : Defect
{
    public WrongEaxcSplitDefect(double rate, EaxcBitWidths eaxcBits)
        : base(rate)
    {
        EaxcBits = eaxcBits;
    }

    public override DefectKind Kind => DefectKind.WrongEaxcSplit;

    public EaxcBitWidths EaxcBits { get; }
}
