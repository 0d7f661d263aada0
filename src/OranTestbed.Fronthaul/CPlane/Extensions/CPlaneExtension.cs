using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// One section extension (<see cref="CPlaneExtensionFields"/>): type, length, ef and raw bytes for every type, and a
/// typed view for the types this library decodes (1, 4, 5, 6, 10, 11, 12, 13). The reader has already checked that
/// the extension fits its section and that a decoded type's content fits its extLen, so the views never read past it.
/// </summary>
public readonly ref struct CPlaneExtension
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly FronthaulDecodeOptions _options;
    private readonly int _sectionNumPrbc;

    internal CPlaneExtension(ReadOnlySpan<byte> span, int offset, int sectionNumPrbc, FronthaulDecodeOptions options)
    {
        _span = span;
        Offset = offset;
        _sectionNumPrbc = sectionNumPrbc;
        _options = options;
    }

    /// <summary>Frame offset of the ef|extType byte.</summary>
    public int Offset { get; }

    public int ExtType => _span[CPlaneExtensionFields.TypeOffset] & CPlaneExtensionFields.TypeMask;

    /// <summary>ef: another extension follows this one.</summary>
    public bool Ef => (_span[CPlaneExtensionFields.TypeOffset] & CPlaneExtensionFields.EfMask) != 0;

    /// <summary>extLen in 4-byte words, header included.</summary>
    public int ExtLen => CPlaneExtensionTypes.HasWideExtLen(ExtType)
        ? BinaryPrimitives.ReadUInt16BigEndian(_span[CPlaneExtensionFields.ExtLenOffset..])
        : _span[CPlaneExtensionFields.ExtLenOffset];

    /// <summary>Bytes of the whole extension (extLen × 4).</summary>
    public int Length => _span.Length;

    /// <summary>All bytes of the extension, header and padding included.</summary>
    public ReadOnlySpan<byte> Raw => _span;

    /// <summary>The bytes after the ef|extType and extLen header, padding included.</summary>
    public ReadOnlySpan<byte> Body => _span[CPlaneExtensionTypes.HeaderLength(ExtType)..];

    /// <summary>True when this library decodes the type field by field.</summary>
    public bool IsDecoded => CPlaneExtensionTypes.IsDecoded(ExtType);

    public BeamformingWeightsExtension AsBeamformingWeights() =>
        new(Checked(CPlaneExtensionTypes.BeamformingWeights), Offset, _options.BeamformingAntennas);

    public ModulationCompressionExtension AsModulationCompression() =>
        new(Checked(CPlaneExtensionTypes.ModulationCompression));

    public ModulationCompressionScalingExtension AsModulationCompressionScaling() =>
        new(Checked(CPlaneExtensionTypes.ModulationCompressionScaling));

    public NonContiguousPrbExtension AsNonContiguousPrb() => new(Checked(CPlaneExtensionTypes.NonContiguousPrb));

    public PortGroupingExtension AsPortGrouping() => new(Checked(CPlaneExtensionTypes.PortGrouping));

    public FlexibleWeightsExtension AsFlexibleWeights() =>
        new(Checked(CPlaneExtensionTypes.FlexibleWeights), _sectionNumPrbc, _options.WeightsPerBundle, _options.BeamformingAntennas);

    public PrbRangesExtension AsPrbRanges() => new(Checked(CPlaneExtensionTypes.PrbRanges));

    public FrequencyHoppingExtension AsFrequencyHopping() => new(Checked(CPlaneExtensionTypes.FrequencyHopping));

    /// <summary>Checks a decoded type's content against its extLen; offsets in the error are frame offsets.</summary>
    internal DecodeError Validate() => ExtType switch
    {
        CPlaneExtensionTypes.BeamformingWeights => BeamformingWeightsExtension.Validate(_span, Offset, _options.BeamformingAntennas),
        CPlaneExtensionTypes.ModulationCompression => Fits(ModulationCompressionFields.Length, "cplane.ext4.modCompScaler"),
        CPlaneExtensionTypes.ModulationCompressionScaling => Fits(ModulationCompressionScalingFields.MinimumLength, "cplane.ext5.mcScaleOffset"),
        CPlaneExtensionTypes.NonContiguousPrb => Fits(NonContiguousPrbFields.Length, "cplane.ext6.symbolMask"),
        CPlaneExtensionTypes.PortGrouping => PortGroupingExtension.Validate(_span, Offset),
        CPlaneExtensionTypes.FlexibleWeights => FlexibleWeightsExtension.Validate(_span, Offset, _sectionNumPrbc, _options.WeightsPerBundle, _options.BeamformingAntennas),
        CPlaneExtensionTypes.PrbRanges => Fits(PrbRangesFields.MinimumLength, "cplane.ext12.symbolMask"),
        CPlaneExtensionTypes.FrequencyHopping => Fits(FrequencyHoppingFields.MinimumLength, "cplane.ext13.nextStartPrbc"),
        _ => DecodeError.None,
    };

    private DecodeError Fits(int needed, string field) => _span.Length >= needed
        ? DecodeError.None
        : new DecodeError(DecodeErrorCode.LengthMismatch, field, Offset + _span.Length, "extLen is too short for the extension's fields");

    private ReadOnlySpan<byte> Checked(int extType)
    {
        if (ExtType != extType)
        {
            throw new InvalidOperationException("section extension is of another type");
        }

        return _span;
    }
}
