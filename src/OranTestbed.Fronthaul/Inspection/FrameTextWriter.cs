using System.Globalization;
using System.Text;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Inspection;

/// <summary>
/// One readable line per frame, for people at a terminal:
/// <c>#6 1700000000.073271875 78B vlan 2 | eCPRI C-plane UL ST1 eAxC 0:0:0:1 seq 5 | 15/3/1 sym 2 | 2 sections: ...</c>.
/// </summary>
public sealed class FrameTextWriter : IFrameVisitor
{
    private readonly StringBuilder _line = new(256);
    private readonly FronthaulDecodeOptions _options;
    private DecodeError _error;
    private int _sections;
    private int _sectionsStart = -1;

    public FrameTextWriter(FronthaulDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Decodes <paramref name="frame"/> and returns its summary line (without newline).</summary>
    public string Describe(long number, long unixNanoseconds, ReadOnlySpan<byte> frame, out DecodeError error)
    {
        _line.Clear();
        _error = DecodeError.None;
        _sectionsStart = -1;
        Append($"#{number} {FrameJsonWriter.FormatTime(unixNanoseconds)} {frame.Length}B");
        var self = this;
        FrameDecoder.Decode(frame, _options, ref self, out var kind);
        if (kind == FrameKind.Other && !_error.IsError)
        {
            _line.Append(" | not fronthaul");
        }
        else if (kind == FrameKind.IpFragment)
        {
            _line.Append(" | IP fragment (not reassembled)");
        }

        if (_error.IsError)
        {
            Append($" | MALFORMED {_error.CodeName} {_error.Field} at byte {_error.Offset}: {_error.Reason}");
        }

        error = _error;
        return _line.ToString();
    }

    public void OnTransport(in FronthaulTransport transport)
    {
        for (int i = 0; transport.Ethernet.TryGetVlanTag(i, out var tag); i++)
        {
            Append($" vlan {tag.VlanId}");
            if (tag.Pcp != 0)
            {
                Append($"/pcp {tag.Pcp}");
            }
        }

        if (transport.IsUdp)
        {
            Append($" udp/ipv{transport.IpVersion} {transport.SourcePort}>{transport.DestinationPort}");
        }
    }

    public void OnPtp(in PtpMessage message)
    {
        Append($" | PTP {message.MessageType} domain {message.DomainNumber} seq {message.SequenceId}");
        if (message.TryGetAnnounce(out var announce))
        {
            Append($" clockClass {announce.ClockClass} accuracy 0x{announce.ClockAccuracy:x2} gm 0x{announce.GrandmasterIdentity:x16} utcOffset {announce.CurrentUtcOffset}");
        }
        else if (message.TryGetTimestamp(out var timestamp))
        {
            Append($" t {timestamp.Seconds}.{timestamp.Nanoseconds:D9}");
        }
    }

    public void OnEcpriMessage(in EcpriMessage message, int index) =>
        Append($" | eCPRI {TypeName(message.MessageType)} {message.PayloadSize}B");

    public void OnOranTransportHeader(in OranTransportHeader header) =>
        Append($" eAxC {header.Eaxc.Format(_options.EaxcBits)} seq {header.SequenceId}{(header.EBit ? "" : $" frag {header.SubsequenceId}")}");

    public void OnOneWayDelay(in EcpriOneWayDelay delay) =>
        Append($" id {delay.MeasurementId} action {delay.ActionType} t {delay.Timestamp.Seconds}.{delay.Timestamp.Nanoseconds:D9} comp {delay.CompensationValue}");

    public void OnRemoteReset(in EcpriRemoteReset reset) => Append($" id {reset.ResetId} code {reset.ResetCodeOp}");

    public void OnEventIndication(in EcpriEventIndication indication) =>
        Append($" event {indication.EventId} type {indication.EventType} faults {indication.NumberOfFaultsNotif}");

    public void OnCPlaneHeader(in CPlaneCommonHeader header)
    {
        Append($" {(header.Downlink ? "DL" : "UL")} ST{header.SectionTypeValue} {header.FrameId}/{header.SubframeId}/{header.SlotId} sym {header.StartSymbolId}");
        if (header.HasUdCompHdr)
        {
            Append($" comp {header.UdCompHdr}");
        }

        StartSections();
    }

    public void OnCPlaneSection(in CPlaneSection section)
    {
        _sections++;
        Append($" [id {section.SectionId} prb {section.StartPrbc}+{section.NumPrbc} sym x{section.NumSymbol}");
        if (section.ExtensionCount > 0)
        {
            _line.Append(" ext");
            var extensions = section.Extensions;
            while (extensions.TryReadNext(out var extension))
            {
                Append($" {extension.ExtType}");
            }
        }

        _line.Append(']');
    }

    public void OnCPlaneLaaMessage(in CPlaneLaaMessage message) =>
        Append($" LAA type {message.LaaMsgType} len {message.LaaMsgLen}");

    public void OnUPlaneHeader(UPlaneHeader header)
    {
        Append($" {(header.IsDownlink ? "DL" : "UL")} {header.FrameId}/{header.SubframeId}/{header.SlotId} sym {header.SymbolId}");
        StartSections();
    }

    public void OnUPlaneSection(in UPlaneSection section)
    {
        _sections++;
        Append($" [id {section.SectionId} prb {section.StartPrb}+{section.NumPrbRaw} {section.Compression}]");
    }

    public void OnEcpriMessageEnd()
    {
        if (_sectionsStart >= 0)
        {
            _line.Insert(_sectionsStart, string.Create(CultureInfo.InvariantCulture, $" {_sections} section(s):"));
            _sectionsStart = -1;
        }
    }

    public void OnError(in DecodeError failure) => _error = failure;

    private void StartSections()
    {
        _sections = 0;
        _sectionsStart = _line.Length;
    }

    private void Append(FormattableString text) => _line.Append(text.ToString(CultureInfo.InvariantCulture));

    private static string TypeName(byte type) => type switch
    {
        EcpriFields.TypeIqData => "U-plane",
        EcpriFields.TypeRealTimeControl => "C-plane",
        EcpriFields.TypeOneWayDelay => "one-way delay",
        EcpriFields.TypeRemoteReset => "remote reset",
        EcpriFields.TypeEventIndication => "event indication",
        _ => string.Create(CultureInfo.InvariantCulture, $"type {type}"),
    };
}
