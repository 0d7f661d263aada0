using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;
using OranTestbed.Fronthaul.Tests.Transport;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Ip;

public class IpReaderSpecs
{
    private const ushort Port = 50000;
    private static readonly FronthaulDecodeOptions Options = FronthaulDecodeOptions.Default with { EcpriUdpPort = Port };

    private static void Reset(ref FrameWriter w) => w.WriteEcpriRemoteReset(0x0102, 1);

    private static byte[] V4() => TestFrames.Build(Reset, 0, [], Encapsulation.Ipv4, 40000, Port);

    private static byte[] V6() => TestFrames.Build(Reset, 0, [], Encapsulation.Ipv6, 40000, Port);

    [Test]
    public void Ipv4Reader_must_read_header_and_stop_the_payload_before_ethernet_padding()
    {
        var frame = V4(); // 14 + 20 + 8 + 7 = 49 bytes, padded to 60
        Assert.That(frame, Has.Length.EqualTo(60));
        Assert.That(Ipv4Reader.TryRead(frame.AsSpan(14), 14, out var ip, out var error), Is.True, error.ToString());
        Assert.That(ip.HeaderLength, Is.EqualTo(20));
        Assert.That(ip.TotalLength, Is.EqualTo(35));
        Assert.That(ip.Protocol, Is.EqualTo(17));
        Assert.That(ip.Identification, Is.EqualTo(0x1234));
        Assert.That(ip.DontFragment, Is.True);
        Assert.That(ip.IsFragment, Is.False);
        Assert.That(ip.HeaderChecksumValid, Is.True);
        Assert.That(ip.Source.ToArray(), Is.EqualTo(TestFrames.Ipv4Source));
        Assert.That(ip.Destination.ToArray(), Is.EqualTo(TestFrames.Ipv4Destination));
        Assert.That(ip.Payload.Length, Is.EqualTo(15));
        Assert.That(UdpReader.TryRead(ip.Payload, 34, out var udp, out _), Is.True);
        Assert.That((udp.SourcePort, udp.DestinationPort, udp.Length), Is.EqualTo((40000, Port, 15)));
        Assert.That(udp.Payload.ToArray(), Is.EqualTo(new byte[] { 0x10, 0x06, 0x00, 0x03, 0x01, 0x02, 0x01 }));
    }

    [TestCase(16, (ushort)61, "ip.totalLength", DecodeErrorCode.LengthMismatch, 16)]
    [TestCase(16, (ushort)19, "ip.totalLength", DecodeErrorCode.LengthMismatch, 16)]
    [TestCase(14, (ushort)0x4400, "ip.ihl", DecodeErrorCode.InvalidValue, 14)]
    [TestCase(14, (ushort)0x6500, "ip.version", DecodeErrorCode.InvalidValue, 14)]
    [TestCase(20, (ushort)0x8000, "ip.flags.reserved", DecodeErrorCode.ReservedValueSet, 20)]
    [TestCase(38, (ushort)16, "udp.length", DecodeErrorCode.LengthMismatch, 38)]
    [TestCase(38, (ushort)7, "udp.length", DecodeErrorCode.LengthMismatch, 38)]
    public void FronthaulTransportReader_must_reject_ipv4_udp_length_lies(int at, ushort value, string field,
        DecodeErrorCode code, int offset)
    {
        var frame = V4();
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(at), value);
        Assert.That(FronthaulTransportReader.TryRead(frame, Options, out var t), Is.False);
        Assert.That((t.Error.Code, t.Error.Field, t.Error.Offset), Is.EqualTo((code, field, offset)));
    }

    [Test]
    public void FronthaulTransportReader_must_report_truncation_at_every_byte_of_ip_and_udp_headers()
    {
        foreach (var frame in new[] { V4(), V6() })
        {
            int l4End = frame[12] == 0x08 ? 14 + 20 + 8 : 14 + 40 + 8;
            for (int length = 14; length < l4End; length++)
            {
                bool ok = FronthaulTransportReader.TryRead(frame.AsSpan(0, length), Options, out var t);
                Assert.That(ok, Is.False, $"length {length}");
                Assert.That(t.Error.Code, Is.AnyOf(DecodeErrorCode.Truncated, DecodeErrorCode.LengthMismatch));
                Assert.That(t.Error.Field, Does.StartWith("ip").Or.StartWith("udp"));
                Assert.That(t.Error.Offset, Is.InRange(14, length));
            }
        }
    }

    [Test]
    public void FronthaulTransportReader_must_report_ipv4_fragments_without_reading_udp()
    {
        var first = V4();
        first[20] |= 0x20; // MF
        var later = V4();
        BinaryPrimitives.WriteUInt16BigEndian(later.AsSpan(20), 0x0010); // offset 16 units, no MF
        foreach (var frame in new[] { first, later })
        {
            Assert.That(FronthaulTransportReader.TryRead(frame, Options, out var t), Is.True);
            Assert.That(t.Kind, Is.EqualTo(FronthaulTransportKind.IpFragment));
            Assert.That(t.IsUdp, Is.False);
        }

        Assert.That(Ipv4Reader.TryRead(later.AsSpan(14), 14, out var ip, out _), Is.True);
        Assert.That((ip.FragmentOffset, ip.MoreFragments), Is.EqualTo((16, false)));
    }

    [Test]
    public void Ipv6Reader_must_read_the_fixed_header()
    {
        var frame = V6();
        Assert.That(Ipv6Reader.TryRead(frame.AsSpan(14), 14, out var ip, out _), Is.True);
        Assert.That(ip.PayloadLength, Is.EqualTo(15));
        Assert.That(ip.NextHeader, Is.EqualTo(17));
        Assert.That(ip.UpperLayerProtocol, Is.EqualTo(17));
        Assert.That(ip.FlowLabel, Is.EqualTo(0x12345u));
        Assert.That(ip.HopLimit, Is.EqualTo(64));
        Assert.That(ip.ExtensionHeaderCount, Is.Zero);
        Assert.That(ip.Source.ToArray(), Is.EqualTo(TestFrames.Ipv6Source));
        Assert.That(frame, Has.Length.EqualTo(14 + 40 + 15));
    }

    /// <summary>Inserts extension headers (each given as its bytes; next-header byte patched) after the fixed header.</summary>
    private static byte[] WithExtensions(byte[] frame, params (byte Type, byte[] Bytes)[] extensions)
    {
        var list = frame[..54].ToList();
        byte originalNext = frame[20];
        list[20] = extensions[0].Type;
        for (int i = 0; i < extensions.Length; i++)
        {
            var bytes = (byte[])extensions[i].Bytes.Clone();
            bytes[0] = i + 1 < extensions.Length ? extensions[i + 1].Type : originalNext;
            list.AddRange(bytes);
        }

        list.AddRange(frame[54..]);
        var result = list.ToArray();
        int added = result.Length - frame.Length;
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(18),
            (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(18)) + added));
        return result;
    }

    [Test]
    public void Ipv6Reader_must_skip_hop_by_hop_routing_and_destination_options_headers()
    {
        var hopByHop = new byte[8];
        var routing = new byte[24];
        routing[1] = 2; // (2 + 1) * 8 bytes
        var destination = new byte[8];
        var frame = WithExtensions(V6(), (0, hopByHop), (43, routing), (60, destination));
        Assert.That(Ipv6Reader.TryRead(frame.AsSpan(14), 14, out var ip, out _), Is.True);
        Assert.That(ip.ExtensionHeaderCount, Is.EqualTo(3));
        Assert.That(ip.NextHeader, Is.Zero);
        Assert.That(ip.UpperLayerProtocol, Is.EqualTo(17));
        Assert.That(ip.UpperLayerOffset, Is.EqualTo(40 + 40));
        Assert.That(FronthaulTransportReader.TryRead(frame, Options, out var t), Is.True);
        Assert.That(t.Kind, Is.EqualTo(FronthaulTransportKind.Ecpri));
        Assert.That(t.PayloadOffset, Is.EqualTo(14 + 80 + 8));
        Assert.That(t.Payload.Length, Is.EqualTo(7));
    }

    [Test]
    public void Ipv6Reader_must_report_a_fragment_header_and_reject_an_overrunning_extension()
    {
        var fragment = new byte[8];
        fragment[3] = 0x01; // M flag
        var frame = WithExtensions(V6(), (44, fragment));
        Assert.That(FronthaulTransportReader.TryRead(frame, Options, out var t), Is.True);
        Assert.That(t.Kind, Is.EqualTo(FronthaulTransportKind.IpFragment));

        var longOptions = new byte[8];
        longOptions[1] = 9; // claims 80 bytes
        var bad = WithExtensions(V6(), (60, longOptions));
        Assert.That(FronthaulTransportReader.TryRead(bad, Options, out var b), Is.False);
        Assert.That((b.Error.Code, b.Error.Field, b.Error.Offset),
            Is.EqualTo((DecodeErrorCode.LengthMismatch, "ipv6.extensionHeader", 54)));
    }

    [Test]
    public void Ipv6Reader_must_reject_payload_length_beyond_the_frame()
    {
        var frame = V6();
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(18), 16);
        Assert.That(FronthaulTransportReader.TryRead(frame, Options, out var t), Is.False);
        Assert.That((t.Error.Code, t.Error.Field, t.Error.Offset),
            Is.EqualTo((DecodeErrorCode.LengthMismatch, "ipv6.payloadLength", 18)));
    }

    [Test]
    public void InternetChecksum_must_match_the_rfc1071_example()
    {
        // RFC 1071 §3: words 0001 f203 f4f5 f6f7 sum to ddf2.
        Assert.That(InternetChecksum.Sum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7], 0), Is.EqualTo(0xddf2));
        Assert.That(EthernetFields.TypeIpv4, Is.EqualTo(0x0800));
    }
}
