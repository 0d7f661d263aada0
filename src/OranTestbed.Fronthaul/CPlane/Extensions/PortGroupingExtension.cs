using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE10 multiple-ports grouping (<see cref="PortGroupingFields"/>).</summary>
public readonly ref struct PortGroupingExtension
{
    private readonly ReadOnlySpan<byte> _span;

    internal PortGroupingExtension(ReadOnlySpan<byte> span) => _span = span;

    public int BeamGroupType => _span[PortGroupingFields.GroupOffset] >> 6;

    public int NumPortc => _span[PortGroupingFields.GroupOffset] & 0x3F;

    /// <summary>The reserved byte of beamGroupType 0 and 1, else 0.</summary>
    public int Reserved => BeamGroupType <= 1 ? _span[PortGroupingFields.ReservedOffset] : 0;

    /// <summary>Entries in the beamId list: numPortc for beamGroupType 2, else 0.</summary>
    public int BeamIdCount => BeamGroupType == 2 ? NumPortc : 0;

    /// <summary>beamId (or ueId) of list entry <paramref name="index"/> (beamGroupType 2).</summary>
    public int BeamId(int index) => Entry(index) & 0x7FFF;

    /// <summary>The reserved bit before list entry <paramref name="index"/>.</summary>
    public bool EntryReservedBit(int index) => (Entry(index) & 0x8000) != 0;

    /// <summary>
    /// The beamId port <paramref name="port"/> (0 = the section's own eAxC) uses: the section beamId for type 0,
    /// beamId + port for type 1, the list entry port − 1 for type 2; -1 when not derivable.
    /// </summary>
    public int BeamIdForPort(int sectionBeamId, int port) => BeamGroupType switch
    {
        0 => sectionBeamId,
        1 => sectionBeamId + port,
        2 => port == 0 ? sectionBeamId : port <= NumPortc ? BeamId(port - 1) : -1,
        _ => -1,
    };

    private int Entry(int index)
    {
        if ((uint)index >= (uint)BeamIdCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return BinaryPrimitives.ReadUInt16BigEndian(
            _span[(PortGroupingFields.BeamIdsOffset + (index * PortGroupingFields.BeamIdEntryLength))..]);
    }

    internal static DecodeError Validate(ReadOnlySpan<byte> span, int offset)
    {
        if (span.Length < PortGroupingFields.MinimumLength)
        {
            return new DecodeError(DecodeErrorCode.LengthMismatch, "cplane.ext10.numPortc", offset + span.Length,
                "extLen is too short for beamGroupType and numPortc");
        }

        int group = span[PortGroupingFields.GroupOffset];
        int needed = (group >> 6) == 2
            ? PortGroupingFields.BeamIdsOffset + ((group & 0x3F) * PortGroupingFields.BeamIdEntryLength)
            : PortGroupingFields.MinimumLength;
        return span.Length >= needed
            ? DecodeError.None
            : new DecodeError(DecodeErrorCode.LengthMismatch, "cplane.ext10.beamId", offset + span.Length,
                "extLen is too short for numPortc beamIds");
    }
}
