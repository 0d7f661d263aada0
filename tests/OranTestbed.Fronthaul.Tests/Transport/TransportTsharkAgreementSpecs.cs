using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests.Transport;

/// <summary>Frames written with our writers, decoded by tshark 4.0.17 and by us, compared field by field.</summary>
[Category(PeerCategories.Tshark)]
public class TransportTsharkAgreementSpecs
{
    private const ushort EcpriPort = 50000;

    private static readonly FronthaulDecodeOptions Options = FronthaulDecodeOptions.Default with { EcpriUdpPort = EcpriPort };

    private static readonly string[] L2L3Fields =
    [
        "eth.type", "vlan.id", "vlan.priority", "vlan.dei", "vlan.etype", "ieee8021ad.id", "ieee8021ad.priority",
        "ieee8021ad.dei", "ieee8021ah.etype", "ip.hdr_len", "ip.len", "ip.id", "ip.proto", "ip.ttl", "ip.checksum",
        "ip.flags.mf", "ip.flags.df", "ip.checksum.status", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.flow",
        "ipv6.tclass", "udp.srcport", "udp.dstport", "udp.length", "udp.checksum",
    ];

    private static readonly string[] EcpriFieldNames =
    [
        "ecpri.revision", "ecpri.cbit", "ecpri.type", "ecpri.size", "ecpri.measurementid", "ecpri.actiontype",
        "ecpri.sec", "ecpri.nanosec", "ecpri.compval", "ecpri.data", "ecpri.resetid", "ecpri.resetcode",
        "ecpri.eventid", "ecpri.eventtype", "ecpri.seqnum", "ecpri.numberfaultnotif", "ecpri.elementid",
        "ecpri.raisecease", "ecpri.faultnotif", "ecpri.addinfo",
    ];

    private static readonly string[] PtpFieldNames =
    [
        "ptp.v2.majorsdoid", "ptp.v2.messagetype", "ptp.v2.minorversionptp", "ptp.v2.versionptp",
        "ptp.v2.messagelength", "ptp.v2.domainnumber", "ptp.v2.minorsdoid", "ptp.v2.flags", "ptp.v2.flags.twostep",
        "ptp.v2.flags.unicast", "ptp.v2.correction.ns", "ptp.v2.messagetypespecific", "ptp.v2.clockidentity",
        "ptp.v2.sourceportid", "ptp.v2.sequenceid", "ptp.v2.controlfield", "ptp.v2.logmessageperiod",
        "ptp.v2.sdr.origintimestamp.seconds", "ptp.v2.sdr.origintimestamp.nanoseconds",
        "ptp.v2.fu.preciseorigintimestamp.seconds", "ptp.v2.fu.preciseorigintimestamp.nanoseconds",
        "ptp.v2.dr.receivetimestamp.seconds", "ptp.v2.dr.receivetimestamp.nanoseconds",
        "ptp.v2.dr.requestingsourceportidentity", "ptp.v2.dr.requestingsourceportid",
        "ptp.v2.an.origintimestamp.seconds", "ptp.v2.an.origintimestamp.nanoseconds",
        "ptp.v2.an.origincurrentutcoffset", "ptp.v2.an.priority1", "ptp.v2.an.grandmasterclockclass",
        "ptp.v2.an.grandmasterclockaccuracy", "ptp.v2.an.grandmasterclockvariance", "ptp.v2.an.priority2",
        "ptp.v2.an.grandmasterclockidentity", "ptp.v2.an.localstepsremoved", "ptp.v2.timesource",
    ];

    private static readonly VlanTag[][] TagSets =
    [
        [],
        [new VlanTag(0x8100, 7, false, 2)],
        [new VlanTag(0x88A8, 3, true, 100), new VlanTag(0x8100, 5, false, 200)],
        [new VlanTag(0x88A8, 1, false, 10), new VlanTag(0x8100, 2, true, 20), new VlanTag(0x9100, 6, false, 4095)],
    ];

    private static readonly EcpriEventElement[] Elements =
    [
        new(0x0001, 1, 0x005, 0xDEADBEEF), new(0xFFFF, 0, 0x123, 7), new(0x0042, 0, 0x800, 0),
    ];

    private static void RemoteReset(ref FrameWriter w) => w.WriteEcpriRemoteReset(0x1234, 1, [0xAA, 0xBB, 0xCC]);

    private static void ConcatenatedPdu(ref FrameWriter w)
    {
        int pdu = w.Position;
        w.WriteEcpriOneWayDelay(7, 2, new PtpTimestamp(1_700_000_000, 123_456_789), -5L * 65536 + 3, 3,
            concatenation: true);
        w.AlignEcpri(pdu);
        w.WriteEcpriRemoteReset(0xBEEF, 2, [0x01], concatenation: true);
        w.AlignEcpri(pdu);
        w.WriteEcpriEventIndication(1, 0, 9, Elements, concatenation: true);
        w.AlignEcpri(pdu);
        w.WriteEcpriEventIndication(2, 3, 10, []);
    }

    private static void OneWayDelay(ref FrameWriter w) =>
        w.WriteEcpriOneWayDelay(1, 0, new PtpTimestamp(0xABCDEF012345, 999_999_999), 1234567L << 16, 22);

    private static void EventIndication(ref FrameWriter w) => w.WriteEcpriEventIndication(0x55, 2, 200, Elements);

    private static IEnumerable<byte[]> EcpriFrames()
    {
        BodyWriter[] bodies = [RemoteReset, ConcatenatedPdu, OneWayDelay, EventIndication];
        foreach (var tags in TagSets)
        {
            foreach (var body in bodies)
            {
                yield return TestFrames.Build(body, EthernetFields.TypeEcpri, tags);
            }
        }

        foreach (var body in bodies)
        {
            yield return TestFrames.Build(body, 0, TagSets[1], Encapsulation.Ipv4, 40000, EcpriPort);
            yield return TestFrames.Build(body, 0, [], Encapsulation.Ipv4, EcpriPort, 40001, ipv4UdpChecksum: false);
            yield return TestFrames.Build(body, 0, TagSets[2], Encapsulation.Ipv6, 40000, EcpriPort);
        }
    }

    [Test]
    public void Transport_readers_must_agree_with_tshark_on_ecpri_frames_over_ethernet_vlan_qinq_udp_ipv4_and_ipv6()
    {
        var frames = EcpriFrames().ToList();
        OurFields.AssertTsharkAgrees(frames, Options, [.. L2L3Fields, .. EcpriFieldNames],
            ["-d", $"udp.port=={EcpriPort},ecpri"]);
    }

    [Test]
    public void Ip_and_udp_writers_must_produce_checksums_tshark_accepts()
    {
        var frames = EcpriFrames().Where(f => f[12] is 0x08 or 0x86 || f[16] is 0x08 or 0x86 || f[20] is 0x86).ToList();
        Assert.That(frames, Has.Count.EqualTo(12));
        string pcap = PcapFile.Write(frames.Select((b, i) => new TimedFrame(i, b)));
        var rows = Tshark.Fields(pcap, ["udp.checksum", "udp.checksum.status", "ip.checksum.status"],
            extraArguments: ["-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE"]);
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in rows)
            {
                // Wireshark checksum status: 1 good, 3 not present (IPv4 UDP checksum 0 is allowed).
                Assert.That(row.Number("udp.checksum.status"), Is.EqualTo(row.Number("udp.checksum") == 0 ? 3 : 1));
                Assert.That(row.Numbers("ip.checksum.status"), Is.All.EqualTo(1));
            }
        }
    }

    private static readonly PtpHeader Header = PtpHeader.V2 with
    {
        MajorSdoId = 0,
        MinorVersionPtp = 1,
        DomainNumber = 24,
        MinorSdoId = 0,
        FlagField = 0x0208,
        CorrectionField = (123L << 16) | 0x8000,
        MessageTypeSpecific = 0,
        SourcePortIdentity = new PtpPortIdentity(0x001122FFFE334455, 1),
        SequenceId = 4242,
        LogMessageInterval = -4,
    };

    private static IEnumerable<byte[]> PtpFrames()
    {
        var ts = new PtpTimestamp(1_700_000_037, 123_456_789);
        var announce = new PtpAnnounce
        {
            OriginTimestamp = ts, CurrentUtcOffset = 37, GrandmasterPriority1 = 128, ClockClass = 6,
            ClockAccuracy = 0x21, OffsetScaledLogVariance = 0x4E5D, GrandmasterPriority2 = 127,
            GrandmasterIdentity = 0x0A0B0CFFFE0D0E0F, StepsRemoved = 3, TimeSource = 0x20,
        };
        BodyWriter[] bodies =
        [
            (ref FrameWriter w) => w.WritePtpSync(Header with { ControlField = 0 }, ts),
            (ref FrameWriter w) => w.WritePtpDelayReq(Header with { ControlField = 1, FlagField = 0 }, default),
            (ref FrameWriter w) => w.WritePtpFollowUp(Header with { ControlField = 2, CorrectionField = -(5L << 16) }, ts),
            (ref FrameWriter w) => w.WritePtpDelayResp(Header with { ControlField = 3, FlagField = 0x0400 }, ts,
                new PtpPortIdentity(0xCAFEBABE00000001, 7)),
            (ref FrameWriter w) => w.WritePtpAnnounce(Header with { ControlField = 5, LogMessageInterval = -3 }, announce),
            (ref FrameWriter w) => w.WritePtpMessage(Header with { ControlField = 5 }, PtpMessageType.Signaling,
                new byte[10]),
        ];
        for (int i = 0; i < bodies.Length; i++)
        {
            var body = bodies[i];
            yield return TestFrames.Build(body, EthernetFields.TypePtp);
            yield return TestFrames.Build(body, EthernetFields.TypePtp, TagSets[1]);
            ushort port = i is 0 or 1 ? (ushort)319 : (ushort)320;
            yield return TestFrames.Build(body, 0, [], Encapsulation.Ipv4, port, port);
            yield return TestFrames.Build(body, 0, TagSets[1], Encapsulation.Ipv6, port, port);
        }
    }

    [Test]
    public void Transport_readers_must_agree_with_tshark_on_every_ptp_type_over_ethernet_and_udp()
    {
        OurFields.AssertTsharkAgrees(PtpFrames().ToList(), Options, [.. L2L3Fields, .. PtpFieldNames]);
    }
}
