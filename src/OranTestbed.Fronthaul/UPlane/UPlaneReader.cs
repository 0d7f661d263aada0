using System.Runtime.CompilerServices;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.UPlane;

/// <summary>
/// Reads an O-RAN U-plane message (eCPRI type 0, O-RAN.WG4.CUS §6.3): the common header, then data sections until
/// the payload ends. Input is the eCPRI payload after the 4-byte ecpriPcid/ecpriSeqid transport header, i.e. starting
/// at the common header, plus that span's offset in the frame (errors report frame offsets).
/// <para>
/// udCompHdr presence and, when absent, the compression are out-of-band configuration taken from
/// <see cref="FronthaulDecodeOptions"/> (UdCompHdrPresentFor, DownlinkCompression / UplinkCompression by the message's
/// dataDirection); numPrbu = 0 stands for <see cref="FronthaulDecodeOptions.CarrierPrbs"/>.
/// </para>
/// Never throws on malformed input and never reads outside the span: <see cref="TryReadNext"/> returns false at the
/// end or at the first defect, and <see cref="Error"/> tells which.
/// </summary>
public ref struct UPlaneReader
{
    private readonly ReadOnlySpan<byte> _payload;
    private readonly int _frameOffset;
    private readonly FronthaulDecodeOptions _options;
    private UPlaneHeader _header;
    private int _position;
    private int _sectionsRead;
    private bool _headerRead;
    private DecodeError _error;

    public UPlaneReader(ReadOnlySpan<byte> payload, int frameOffset, FronthaulDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _payload = payload;
        _frameOffset = frameOffset;
        _options = options;
        _header = default;
        _position = 0;
        _sectionsRead = 0;
        _headerRead = false;
        _error = DecodeError.None;
    }

    /// <summary>Why reading stopped; <c>IsError</c> is false after a clean end.</summary>
    public readonly DecodeError Error => _error;

    /// <summary>Sections returned so far.</summary>
    public readonly int SectionsRead => _sectionsRead;

    /// <summary>Bytes consumed so far (header and sections), relative to the payload start.</summary>
    public readonly int Position => _position;

    /// <summary>Reads (once) the 4-byte common header.</summary>
    public bool TryReadHeader(out UPlaneHeader header)
    {
        if (!_headerRead)
        {
            if (_error.IsError)
            {
                header = default;
                return false;
            }

            if (_payload.Length < UPlaneFields.CommonHeaderLength)
            {
                header = default;
                return Fail(DecodeError.Truncated(HeaderFieldAt(_payload.Length), _frameOffset + _payload.Length));
            }

            _header = UPlaneHeader.Read(_payload);
            _position = UPlaneFields.CommonHeaderLength;
            _headerRead = true;
        }

        header = _header;
        return true;
    }

    /// <summary>Reads the next section; false at the end of the payload or at the first defect (see <see cref="Error"/>).</summary>
    public bool TryReadNext(out UPlaneSection section)
    {
        section = default;
        if (_error.IsError || !TryReadHeader(out var header))
        {
            return false;
        }

        int remaining = _payload.Length - _position;
        int start = _position;
        int frameStart = _frameOffset + start;
        if (remaining == 0)
        {
            // A U-plane message carries at least one section (§6.3.2).
            return _sectionsRead == 0 && Fail(DecodeError.Truncated("sectionId", frameStart));
        }

        if (remaining < UPlaneFields.SectionHeaderLength)
        {
            return Fail(DecodeError.Truncated(SectionFieldAt(remaining), frameStart + remaining));
        }

        var s = _payload.Slice(start);
        uint word = ((uint)s[0] << 16) | ((uint)s[1] << 8) | s[2];
        int sectionId = (int)(word >> UPlaneFields.SectionIdShift);
        bool rb = (word & UPlaneFields.RbMask) != 0;
        bool symInc = (word & UPlaneFields.SymIncMask) != 0;
        int startPrb = (int)(word & UPlaneFields.StartPrbMask);
        int numPrbRaw = s[UPlaneFields.NumPrbOffset];
        int headerLength = UPlaneFields.SectionHeaderLength;

        UdCompHdr compression;
        bool hasUdCompHdr = _options.UdCompHdrPresentFor(header.IsDownlink);
        if (hasUdCompHdr)
        {
            if (remaining < UPlaneFields.SectionHeaderLength + UPlaneFields.UdCompHdrLength)
            {
                return Fail(DecodeError.Truncated(
                    remaining == UPlaneFields.UdCompHdrOffset ? "udCompHdr" : "reserved", frameStart + remaining));
            }

            compression = new UdCompHdr(s[UPlaneFields.UdCompHdrOffset]);
            if (s[UPlaneFields.ReservedOffset] != 0)
            {
                return Fail(new DecodeError(DecodeErrorCode.ReservedValueSet, "reserved",
                    frameStart + UPlaneFields.ReservedOffset, "the byte after udCompHdr must be 0"));
            }

            headerLength += UPlaneFields.UdCompHdrLength;
        }
        else
        {
            compression = _options.CompressionFor(header.IsDownlink);
        }

        if (!IqCompression.IsSupported(compression.Method))
        {
            return Fail(new DecodeError(DecodeErrorCode.UnknownType,
                hasUdCompHdr ? "udCompMeth" : "udCompMeth (static configuration)",
                frameStart + (hasUdCompHdr ? UPlaneFields.UdCompHdrOffset : 0), UnsupportedMethodReason(compression.RawMethod)));
        }

        int numPrb = numPrbRaw == 0 ? _options.CarrierPrbs : numPrbRaw;
        int prbSize = IqCompression.PrbSize(compression);
        long dataLength = (long)numPrb * prbSize;
        if (dataLength > remaining - headerLength)
        {
            return Fail(new DecodeError(DecodeErrorCode.SectionOverrunsPayload, "numPrbu",
                frameStart + UPlaneFields.NumPrbOffset,
                "numPrbu PRBs at this compression need more bytes than the payload has left"));
        }

        int length = headerLength + (int)dataLength;
        section = new UPlaneSection(sectionId, rb, symInc, startPrb, numPrbRaw, numPrb, hasUdCompHdr, compression,
            prbSize, frameStart, frameStart + headerLength, length, s.Slice(headerLength, (int)dataLength));
        _position += length;
        _sectionsRead++;
        return true;
    }

    private bool Fail(DecodeError error)
    {
        _error = error;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string HeaderFieldAt(int offset) => offset switch
    {
        0 => "dataDirection",
        1 => "frameId",
        2 => "subframeId",
        _ => "symbolId",
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string SectionFieldAt(int offset) => offset switch
    {
        0 or 1 => "sectionId",
        2 => "startPrbu",
        _ => "numPrbu",
    };

    private static string UnsupportedMethodReason(int method) => method switch
    {
        5 => "udCompMeth 5 (BFP + selective RE sending) is not supported",
        6 => "udCompMeth 6 (modulation compression + selective RE sending) is not supported",
        7 => "udCompMeth 7 (BFP + selective RE sending, masks in section header) is not supported",
        8 => "udCompMeth 8 (modulation compression + selective RE sending, masks in section header) is not supported",
        _ => "udCompMeth 9-15 is reserved",
    };
}
