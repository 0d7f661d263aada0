using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Emulation.Tests.Support;

/// <summary>
/// Our decoder's view of a frame as tshark 4.0.17 field names → occurrences in document order, for the fields the
/// emulation specs compare (eCPRI type, eAxC, sequence, timing header, sections, BFP exponents, PTP), with 4.0's
/// U-plane quirks: symbolId is named startSymbolId, and numberOfSections counts the message's sections.
/// </summary>
public sealed class DecodedFields
{
    public static readonly string[] Names =
    [
        "ecpri.type", "oran_fh_cus.du_port_id", "oran_fh_cus.ru_port_id", "oran_fh_cus.sequence_id",
        "oran_fh_cus.data_direction", "oran_fh_cus.filterIndex", "oran_fh_cus.frameId", "oran_fh_cus.subframe_id",
        "oran_fh_cus.slotId", "oran_fh_cus.startSymbolId", "oran_fh_cus.sectionType",
        "oran_fh_cus.numberOfSections", "oran_fh_cus.sectionId", "oran_fh_cus.startPrbc", "oran_fh_cus.numPrbc",
        "oran_fh_cus.numSymbol", "oran_fh_cus.startPrbu", "oran_fh_cus.numPrbu", "oran_fh_cus.exponent",
        "ptp.v2.messagetype", "ptp.v2.sequenceid", "ptp.v2.an.grandmasterclockclass",
    ];

    private readonly Dictionary<string, List<long>> _values = new(StringComparer.Ordinal);

    public IReadOnlyList<long> this[string field] => _values.TryGetValue(field, out var list) ? list : [];

    public DecodeError Error { get; private set; }

    // U-plane sections of the message being read: tshark 4.0 reports their count as numberOfSections.
    private int _uplaneSections = -1;

    public static DecodedFields Of(ReadOnlySpan<byte> frame, FronthaulDecodeOptions options)
    {
        var fields = new DecodedFields();
        var visitor = new Visitor(fields, options.EaxcBits);
        fields.Error = FrameDecoder.Decode(frame, options, ref visitor, out _);
        return fields;
    }

    private void Add(string field, long value)
    {
        if (!_values.TryGetValue(field, out var list))
        {
            _values[field] = list = [];
        }

        list.Add(value);
    }

    private readonly struct Visitor(DecodedFields fields, EaxcBitWidths bits) : IFrameVisitor
    {
        public void OnTransport(in FronthaulTransport transport)
        {
        }

        public void OnPtp(in PtpMessage message)
        {
            fields.Add("ptp.v2.messagetype", (long)message.MessageType);
            fields.Add("ptp.v2.sequenceid", message.SequenceId);
            if (message.TryGetAnnounce(out var announce))
            {
                fields.Add("ptp.v2.an.grandmasterclockclass", announce.ClockClass);
            }
        }

        public void OnEcpriMessage(in EcpriMessage message, int index) => fields.Add("ecpri.type", message.MessageType);

        public void OnOranTransportHeader(in OranTransportHeader header)
        {
            fields.Add("oran_fh_cus.du_port_id", header.Eaxc.DuPort(bits));
            fields.Add("oran_fh_cus.ru_port_id", header.Eaxc.RuPort(bits));
            fields.Add("oran_fh_cus.sequence_id", header.SequenceId);
        }

        public void OnOneWayDelay(in EcpriOneWayDelay delay)
        {
        }

        public void OnRemoteReset(in EcpriRemoteReset reset)
        {
        }

        public void OnEventIndication(in EcpriEventIndication indication)
        {
        }

        public void OnCPlaneHeader(in CPlaneCommonHeader header)
        {
            fields.Add("oran_fh_cus.data_direction", header.DataDirection);
            fields.Add("oran_fh_cus.filterIndex", header.FilterIndex);
            fields.Add("oran_fh_cus.frameId", header.FrameId);
            fields.Add("oran_fh_cus.subframe_id", header.SubframeId);
            fields.Add("oran_fh_cus.slotId", header.SlotId);
            fields.Add("oran_fh_cus.startSymbolId", header.StartSymbolId);
            fields.Add("oran_fh_cus.numberOfSections", header.NumberOfSections);
            fields.Add("oran_fh_cus.sectionType", header.SectionTypeValue);
        }

        public void OnCPlaneSection(in CPlaneSection section)
        {
            fields.Add("oran_fh_cus.sectionId", section.SectionId);
            fields.Add("oran_fh_cus.startPrbc", section.StartPrbc);
            fields.Add("oran_fh_cus.numPrbc", section.NumPrbc);
            fields.Add("oran_fh_cus.numSymbol", section.NumSymbol);
        }

        public void OnCPlaneLaaMessage(in CPlaneLaaMessage message)
        {
        }

        public void OnUPlaneHeader(UPlaneHeader header)
        {
            fields.Add("oran_fh_cus.data_direction", header.DataDirection);
            fields.Add("oran_fh_cus.filterIndex", header.FilterIndex);
            fields.Add("oran_fh_cus.frameId", header.FrameId);
            fields.Add("oran_fh_cus.subframe_id", header.SubframeId);
            fields.Add("oran_fh_cus.slotId", header.SlotId);
            // tshark 4.0 names the U-plane symbolId startSymbolId.
            fields.Add("oran_fh_cus.startSymbolId", header.SymbolId);
            fields._uplaneSections = 0;
        }

        public void OnUPlaneSection(in UPlaneSection section)
        {
            fields._uplaneSections++;
            fields.Add("oran_fh_cus.sectionId", section.SectionId);
            fields.Add("oran_fh_cus.startPrbu", section.StartPrb);
            fields.Add("oran_fh_cus.numPrbu", section.NumPrbRaw);
            if (section.Compression.Method == Fronthaul.Compression.CompressionMethod.BlockFloatingPoint)
            {
                for (int prb = 0; prb < section.NumPrb; prb++)
                {
                    fields.Add("oran_fh_cus.exponent", section.GetExponent(prb));
                }
            }
        }

        public void OnEcpriMessageEnd()
        {
            if (fields._uplaneSections >= 0)
            {
                fields.Add("oran_fh_cus.numberOfSections", fields._uplaneSections);
                fields._uplaneSections = -1;
            }
        }

        public void OnError(in DecodeError failure)
        {
        }
    }
}
