using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// Decodes a seed frame once and records the frame offsets of every length, count and type field the decoder trusts
/// (eCPRI payloadSize, IP total length, UDP length, PTP messageLength, numberOfSections, numPrbc/numPrbu, extLen,
/// udCompHdr, sectionType, extType...). The offsets come from the decoder's own views, so they follow each seed's
/// layout (VLAN tags, IP version, section types, extensions) without hand-kept tables.
/// </summary>
public sealed class FieldMap : IFrameVisitor
{
    private readonly List<FieldSpot> _fields = [];
    private int _ecpriPayloadOffset;

    /// <summary>Frame offset just past the last eCPRI message or the PTP message (0 when there is none).</summary>
    public int ContentEnd { get; private set; }

    public IReadOnlyList<FieldSpot> Fields => _fields;

    public static FieldMap Of(byte[] frame, FronthaulDecodeOptions options)
    {
        var map = new FieldMap();
        FrameDecoder.Decode(frame, options, ref map, out _);
        return map;
    }

    private void Add(int offset, int width, FieldRole role, string name) => _fields.Add(new FieldSpot(offset, width, role, name));

    public void OnTransport(in FronthaulTransport transport)
    {
        for (int i = 0; i < transport.VlanTagCount; i++)
        {
            Add(EthernetFields.TypeOffset + (i * EthernetFields.VlanTagLength), 2, FieldRole.Type, "vlan.tpid");
        }

        Add(transport.Ethernet.PayloadOffset - 2, 2, FieldRole.Type, "eth.type");
        if (transport.IpVersion == 4)
        {
            Add(transport.IpOffset + Ipv4Fields.VersionAndIhlOffset, 1, FieldRole.Length, "ip.version_ihl");
            Add(transport.IpOffset + Ipv4Fields.TotalLengthOffset, 2, FieldRole.Length, "ip.total_length");
            Add(transport.IpOffset + Ipv4Fields.FlagsAndFragmentOffset, 2, FieldRole.Type, "ip.flags_fragment");
            Add(transport.IpOffset + Ipv4Fields.ProtocolOffset, 1, FieldRole.Type, "ip.protocol");
        }
        else if (transport.IpVersion == 6)
        {
            Add(transport.IpOffset + Ipv6Fields.PayloadLengthOffset, 2, FieldRole.Length, "ipv6.payload_length");
            Add(transport.IpOffset + Ipv6Fields.NextHeaderOffset, 1, FieldRole.Type, "ipv6.next_header");
        }

        if (transport.IsUdp)
        {
            Add(transport.UdpOffset + UdpFields.LengthOffset, 2, FieldRole.Length, "udp.length");
            Add(transport.UdpOffset + UdpFields.DestinationPortOffset, 2, FieldRole.Type, "udp.dstport");
        }
    }

    public void OnPtp(in PtpMessage message)
    {
        Add(message.Offset + PtpFields.SdoAndTypeOffset, 1, FieldRole.Type, "ptp.messageType");
        Add(message.Offset + PtpFields.VersionOffset, 1, FieldRole.Type, "ptp.versionPTP");
        Add(message.Offset + PtpFields.MessageLengthOffset, 2, FieldRole.Length, "ptp.messageLength");
        ContentEnd = message.Offset + message.MessageLength;
    }

    public void OnEcpriMessage(in EcpriMessage message, int index)
    {
        Add(message.Offset + EcpriFields.RevisionAndFlagsOffset, 1, FieldRole.Type, "ecpri.revision_c");
        Add(message.Offset + EcpriFields.MessageTypeOffset, 1, FieldRole.Type, "ecpri.type");
        Add(message.Offset + EcpriFields.PayloadSizeOffset, 2, FieldRole.Length, "ecpri.payloadSize");
        _ecpriPayloadOffset = message.PayloadOffset;
        ContentEnd = message.PayloadOffset + message.PayloadSize;
    }

    public void OnOranTransportHeader(in OranTransportHeader header)
    {
    }

    public void OnOneWayDelay(in EcpriOneWayDelay delay)
    {
    }

    public void OnRemoteReset(in EcpriRemoteReset reset)
    {
    }

    public void OnEventIndication(in EcpriEventIndication indication)
    {
        Add(_ecpriPayloadOffset + EcpriBodyFields.EventCountOffset, 1, FieldRole.Length, "ecpri.numberOfFaultsNotif");
    }

    public void OnCPlaneHeader(in CPlaneCommonHeader header)
    {
        Add(header.Offset + CPlaneFields.NumberOfSectionsOffset, 1, FieldRole.Length, "cplane.numberOfSections");
        Add(header.Offset + CPlaneFields.SectionTypeOffset, 1, FieldRole.Type, "cplane.sectionType");
        switch (header.SectionType)
        {
            case CPlaneSectionType.Normal or CPlaneSectionType.UeScheduling:
                Add(header.Offset + CPlaneFields.UdCompHdrOffset, 1, FieldRole.Type, "cplane.udCompHdr");
                break;
            case CPlaneSectionType.Prach:
                Add(header.Offset + CPlaneFields.St3UdCompHdrOffset, 1, FieldRole.Type, "cplane.udCompHdr");
                break;
            case CPlaneSectionType.ChannelInformation:
                Add(header.Offset + CPlaneFields.NumberOfUesOffset, 1, FieldRole.Length, "cplane.numberOfUEs");
                Add(header.Offset + CPlaneFields.CiCompHdrOffset, 1, FieldRole.Type, "cplane.ciCompHdr");
                break;
        }
    }

    public void OnCPlaneSection(in CPlaneSection section)
    {
        bool st6 = section.SectionType == CPlaneSectionType.ChannelInformation;
        Add(section.Offset + (st6 ? CPlaneFields.St6NumPrbcOffset : CPlaneFields.NumPrbcOffset), 1, FieldRole.Length,
            "cplane.numPrbc");
        Add(section.Offset + (st6 ? CPlaneFields.St6UeIdOffset : CPlaneFields.EfWordOffset), 1, FieldRole.Type,
            "cplane.ef");
        var extensions = section.Extensions;
        while (extensions.TryReadNext(out var extension))
        {
            Add(extension.Offset + CPlaneExtensionFields.TypeOffset, 1, FieldRole.Type, "cplane.extType");
            Add(extension.Offset + CPlaneExtensionFields.ExtLenOffset,
                CPlaneExtensionTypes.HasWideExtLen(extension.ExtType) ? 2 : 1, FieldRole.Length, "cplane.extLen");

            // The first body bytes hold the extension's own counts and modes (bfwCompHdr, numPortc, numBundPrb...).
            int body = extension.Offset + CPlaneExtensionTypes.HeaderLength(extension.ExtType);
            for (int i = 0; i < 3 && body + i < extension.Offset + extension.Length; i++)
            {
                Add(body + i, 1, FieldRole.Type, "cplane.extBody");
            }
        }
    }

    public void OnCPlaneLaaMessage(in CPlaneLaaMessage message) =>
        Add(message.Offset, 1, FieldRole.Length, "cplane.laaMsgLen");

    public void OnUPlaneHeader(UPlaneHeader header)
    {
    }

    public void OnUPlaneSection(in UPlaneSection section)
    {
        Add(section.Offset + UPlaneFields.NumPrbOffset, 1, FieldRole.Length, "uplane.numPrbu");
        Add(section.Offset + UPlaneFields.StartPrbOffset, 1, FieldRole.Length, "uplane.startPrbu");
        if (section.HasUdCompHdr)
        {
            Add(section.Offset + UPlaneFields.UdCompHdrOffset, 1, FieldRole.Type, "uplane.udCompHdr");
        }
    }

    public void OnEcpriMessageEnd()
    {
    }

    public void OnError(in DecodeError failure)
    {
    }
}
