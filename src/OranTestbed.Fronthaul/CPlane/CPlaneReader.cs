using System.Buffers.Binary;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.CPlane;

/// <summary>
/// Reads one C-plane message (eCPRI type 2) from the radio application common header on: first
/// <see cref="TryReadHeader"/>, then <see cref="TryReadSection"/> until it returns false (or, for section type 7,
/// <see cref="TryReadLaaMessage"/>). A false return is either the clean end or a defect: <see cref="Error"/> tells
/// which. Errors carry frame offsets (<c>baseOffset</c> + position). Never throws on bad input, never allocates.
/// </summary>
public ref struct CPlaneReader
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly int _baseOffset;
    private readonly FronthaulDecodeOptions _options;
    private int _position;
    private int _sectionsRead;
    private int _expectedSections;
    private CPlaneSectionType _sectionType;
    private CiCompHdr _ciCompHdr;
    private bool _headerRead;
    private DecodeError _error;

    /// <param name="span">The eCPRI payload after the 4-byte O-RAN transport header (eAxC id, seqId).</param>
    /// <param name="baseOffset">Frame offset of <paramref name="span"/>'s first byte.</param>
    /// <param name="options">Out-of-band configuration (antennas, weights per bundle, carrier PRBs).</param>
    public CPlaneReader(ReadOnlySpan<byte> span, int baseOffset, FronthaulDecodeOptions? options = null)
    {
        _span = span;
        _baseOffset = baseOffset;
        _options = options ?? FronthaulDecodeOptions.Default;
        _position = 0;
        _sectionsRead = 0;
        _expectedSections = 0;
        _sectionType = default;
        _ciCompHdr = default;
        _headerRead = false;
        _error = DecodeError.None;
    }

    /// <summary>Why the last Try* call returned false; <c>IsError</c> false means a clean end.</summary>
    public readonly DecodeError Error => _error;

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    public readonly int SectionsRead => _sectionsRead;

    /// <summary>Bytes left after the last section; fewer than one section's worth is tolerated as padding.</summary>
    public readonly int TrailingBytes => _span.Length - _position;

    public bool TryReadHeader(out CPlaneCommonHeader header)
    {
        header = default;
        if (_headerRead || _error.IsError)
        {
            return false;
        }

        if (_span.Length < CPlaneFields.CommonLength)
        {
            return Fail(DecodeErrorCode.Truncated, CommonFieldAt(_span.Length), CommonFieldStart(_span.Length),
                "frame ends inside the C-plane common header");
        }

        int type = _span[CPlaneFields.SectionTypeOffset];
        int length = CPlaneCommonHeader.HeaderLengthOf(type);
        if (length < 0)
        {
            return Fail(DecodeErrorCode.UnknownType, "cplane.sectionType", CPlaneFields.SectionTypeOffset,
                "section type not decoded (reserved, or 2/4/8-11 not supported)");
        }

        if (_span.Length < length)
        {
            (string field, int start) = TypeFieldAt(type, _span.Length);
            return Fail(DecodeErrorCode.Truncated, field, start, "frame ends inside the section-type common fields");
        }

        header = new CPlaneCommonHeader(_span[..length], _baseOffset);
        _sectionType = (CPlaneSectionType)type;
        _ciCompHdr = header.CiCompHdr;
        _expectedSections = header.ExpectedSections;
        _position = length;
        _headerRead = true;
        return true;
    }

    public bool TryReadSection(out CPlaneSection section)
    {
        section = default;
        if (!_headerRead || _error.IsError || _sectionType == CPlaneSectionType.Laa)
        {
            return false;
        }

        int remaining = _span.Length - _position;
        int fixedLength = FixedSectionLength(_sectionType);
        if (_sectionsRead == _expectedSections)
        {
            return remaining >= fixedLength
                ? Fail(DecodeErrorCode.LengthMismatch, "cplane.numberOfSections", CPlaneFields.NumberOfSectionsOffset,
                    "the payload holds more sections than numberOfSections")
                : false;
        }

        if (remaining == 0)
        {
            return Fail(DecodeErrorCode.LengthMismatch, "cplane.numberOfSections", CPlaneFields.NumberOfSectionsOffset,
                "the payload ends before numberOfSections sections");
        }

        int start = _position;
        if (remaining < fixedLength)
        {
            (string field, int at) = SectionFieldAt(_sectionType, remaining);
            return Fail(DecodeErrorCode.SectionOverrunsPayload, field, start + at, "the section runs past the end of the message");
        }

        var s = _span[start..];
        int length = fixedLength;
        bool ef;
        int numPrbc;
        if (_sectionType == CPlaneSectionType.ChannelInformation)
        {
            ef = (s[CPlaneFields.St6UeIdOffset] & CPlaneFields.EfMask) != 0;
            numPrbc = s[CPlaneFields.St6NumPrbcOffset] == 0 ? _options.CarrierPrbs : s[CPlaneFields.St6NumPrbcOffset];
            length += CPlaneSection.CiLength(_ciCompHdr, _options.BeamformingAntennas, numPrbc);
            if (remaining < length)
            {
                return Fail(DecodeErrorCode.SectionOverrunsPayload, "cplane.ciIsample", start + CPlaneFields.St6SamplesOffset,
                    "numPrbc × antennas channel-information samples run past the end of the message");
            }
        }
        else
        {
            ef = (s[CPlaneFields.EfWordOffset] & CPlaneFields.EfMask) != 0;
            numPrbc = s[CPlaneFields.NumPrbcOffset] == 0 ? _options.CarrierPrbs : s[CPlaneFields.NumPrbcOffset];
        }

        int extensionsOffset = length;
        int extensions = 0;
        while (ef)
        {
            int at = start + length;
            int left = _span.Length - at;
            if (left < 2)
            {
                return Fail(DecodeErrorCode.ExtensionOverruns, left == 0 ? "cplane.extType" : "cplane.extLen", at + left,
                    "ef announces an extension past the end of the message");
            }

            int type = _span[at] & CPlaneExtensionFields.TypeMask;
            bool wide = CPlaneExtensionTypes.HasWideExtLen(type);
            if (wide && left < 3)
            {
                return Fail(DecodeErrorCode.ExtensionOverruns, "cplane.extLen", at + CPlaneExtensionFields.ExtLenOffset,
                    "the 16-bit extLen runs past the end of the message");
            }

            int words = wide
                ? BinaryPrimitives.ReadUInt16BigEndian(_span[(at + CPlaneExtensionFields.ExtLenOffset)..])
                : _span[at + CPlaneExtensionFields.ExtLenOffset];
            if (words == 0)
            {
                return Fail(DecodeErrorCode.ExtensionLengthZero, "cplane.extLen", at + CPlaneExtensionFields.ExtLenOffset,
                    "extLen 0 is reserved");
            }

            int bytes = words * CPlaneExtensionFields.WordLength;
            if (bytes > left)
            {
                return Fail(DecodeErrorCode.ExtensionOverruns, "cplane.extLen", at + CPlaneExtensionFields.ExtLenOffset,
                    "extLen runs past the end of the message");
            }

            var extension = new CPlaneExtension(_span.Slice(at, bytes), _baseOffset + at, numPrbc, _options);
            var invalid = extension.Validate();
            if (invalid.IsError)
            {
                _error = invalid;
                return false;
            }

            ef = extension.Ef;
            length += bytes;
            extensions++;
        }

        section = new CPlaneSection(_span.Slice(start, length), _baseOffset + start, _sectionType, _ciCompHdr,
            extensionsOffset, extensions, _options);
        _position += length;
        _sectionsRead++;
        return true;
    }

    /// <summary>Reads the LAA message of a section type 7 message.</summary>
    public bool TryReadLaaMessage(out CPlaneLaaMessage message)
    {
        message = default;
        if (!_headerRead || _error.IsError || _sectionType != CPlaneSectionType.Laa || _position != CPlaneFields.LaaMessageOffset)
        {
            return false;
        }

        if (_span.Length <= CPlaneFields.LaaMessageOffset)
        {
            return Fail(DecodeErrorCode.Truncated, "cplane.laaMsgType", CPlaneFields.LaaMessageOffset,
                "frame ends before the LAA message");
        }

        int length = ((_span[CPlaneFields.LaaMessageOffset] & 0x0F) + 1) * 4;
        if (_span.Length - CPlaneFields.LaaMessageOffset < length)
        {
            return Fail(DecodeErrorCode.SectionOverrunsPayload, "cplane.laaMsgLen", CPlaneFields.LaaMessageOffset,
                "laaMsgLen runs past the end of the message");
        }

        message = new CPlaneLaaMessage(_span.Slice(CPlaneFields.LaaMessageOffset, length), _baseOffset + CPlaneFields.LaaMessageOffset);
        _position += length;
        return true;
    }

    private bool Fail(DecodeErrorCode code, string field, int localOffset, string reason)
    {
        _error = new DecodeError(code, field, _baseOffset + localOffset, reason);
        return false;
    }

    /// <summary>Bytes of a section before its variable part (ST6 samples) and extensions.</summary>
    public static int FixedSectionLength(CPlaneSectionType type) => type switch
    {
        CPlaneSectionType.Prach => CPlaneFields.SectionLengthSt3,
        CPlaneSectionType.ChannelInformation => CPlaneFields.St6SamplesOffset,
        _ => CPlaneFields.SectionLength,
    };

    private static string CommonFieldAt(int available) => available switch
    {
        0 => "cplane.dataDirection",
        1 => "cplane.frameId",
        2 => "cplane.subframeId",
        3 => "cplane.slotId",
        4 => "cplane.numberOfSections",
        _ => "cplane.sectionType",
    };

    private static int CommonFieldStart(int available) => available switch
    {
        3 => 2,
        _ => available,
    };

    private static (string Field, int Start) TypeFieldAt(int type, int available) => type switch
    {
        0 => available switch
        {
            < 8 => ("cplane.timeOffset", 6),
            8 => ("cplane.frameStructure", 8),
            < 11 => ("cplane.cpLength", 9),
            _ => ("cplane.reserved", 11),
        },
        3 => available switch
        {
            < 8 => ("cplane.timeOffset", 6),
            8 => ("cplane.frameStructure", 8),
            < 11 => ("cplane.cpLength", 9),
            _ => ("cplane.udCompHdr", 11),
        },
        6 => available == 6 ? ("cplane.numberOfUEs", 6) : ("cplane.ciCompHdr", 7),
        7 => ("cplane.reserved", 6),
        _ => available == 6 ? ("cplane.udCompHdr", 6) : ("cplane.reserved", 7),
    };

    private static (string Field, int Start) SectionFieldAt(CPlaneSectionType type, int available)
    {
        if (type == CPlaneSectionType.ChannelInformation)
        {
            return available switch
            {
                < 2 => ("cplane.ueId", 0),
                < 4 => ("cplane.regularizationFactor", 2),
                < 6 => ("cplane.startPrbc", 4),
                _ => ("cplane.numPrbc", 6),
            };
        }

        return available switch
        {
            < 2 => ("cplane.sectionId", 0),
            < 3 => ("cplane.startPrbc", 1),
            < 4 => ("cplane.numPrbc", 3),
            < 6 => ("cplane.reMask", 4),
            < 8 => (type switch
            {
                CPlaneSectionType.UeScheduling => "cplane.ueId",
                CPlaneSectionType.UnusedResourceBlocks => "cplane.reserved",
                _ => "cplane.beamId",
            }, 6),
            < 11 => ("cplane.freqOffset", 8),
            _ => ("cplane.reserved", 11),
        };
    }
}
