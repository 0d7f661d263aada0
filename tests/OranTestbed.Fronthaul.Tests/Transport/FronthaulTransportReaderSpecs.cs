using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Transport;

public class FronthaulTransportReaderSpecs
{
    private const ushort Port = 50000;
    private static readonly FronthaulDecodeOptions Options = FronthaulDecodeOptions.Default with { EcpriUdpPort = Port };

    private static void Reset(ref FrameWriter w) => w.WriteEcpriRemoteReset(1, 1);

    private static void Sync(ref FrameWriter w) => w.WritePtpSync(PtpHeader.V2, default);

    [Test]
    public void FronthaulTransportReader_must_classify_the_shared_capture_frames()
    {
        foreach (var (frame, kind, offset) in new[]
                 {
                     (SharedCaptureFrames.Announce, FronthaulTransportKind.Ptp, 14),
                     (SharedCaptureFrames.Sync, FronthaulTransportKind.Ptp, 14),
                     (SharedCaptureFrames.FollowUp, FronthaulTransportKind.Ptp, 14),
                     (SharedCaptureFrames.OneWayDelay, FronthaulTransportKind.Ecpri, 14),
                     (SharedCaptureFrames.CPlaneSt3, FronthaulTransportKind.Ecpri, 18),
                 })
        {
            Assert.That(FronthaulTransportReader.TryRead(frame, Options, out var t), Is.True);
            Assert.That(t.Kind, Is.EqualTo(kind));
            Assert.That(t.PayloadOffset, Is.EqualTo(offset));
            Assert.That(t.IpVersion, Is.Zero);
            Assert.That(t.IsUdp, Is.False);
            Assert.That(t.Payload.Length, Is.EqualTo(frame.Length - offset));
        }

        FronthaulTransportReader.TryRead(SharedCaptureFrames.CPlaneSt3, Options, out var c);
        Assert.That((c.VlanTagCount, c.InnerVlan, c.EtherType), Is.EqualTo((1, new VlanTag(0x8100, 7, false, 2), (ushort)0xAEFE)));
    }

    [Test]
    public void FronthaulTransportReader_must_classify_udp_by_configured_ecpri_port_and_ptp_ports()
    {
        byte[] toPort = TestFrames.Build(Reset, 0, [], Encapsulation.Ipv4, 1234, Port);
        byte[] fromPort = TestFrames.Build(Reset, 0, [], Encapsulation.Ipv6, Port, 1234);
        byte[] otherPort = TestFrames.Build(Reset, 0, [], Encapsulation.Ipv4, 1234, 1235);
        byte[] ptpEvent = TestFrames.Build(Sync, 0, [], Encapsulation.Ipv4, 319, 319);
        byte[] ptpGeneral = TestFrames.Build(Sync, 0, [], Encapsulation.Ipv6, 5000, 320);

        Check(toPort, Options, FronthaulTransportKind.Ecpri, 4, 14 + 20 + 8);
        Check(fromPort, Options, FronthaulTransportKind.Ecpri, 6, 14 + 40 + 8);
        Check(otherPort, Options, FronthaulTransportKind.Other, 4, 14 + 20 + 8);
        Check(ptpEvent, Options, FronthaulTransportKind.Ptp, 4, 14 + 20 + 8);
        Check(ptpGeneral, Options, FronthaulTransportKind.Ptp, 6, 14 + 40 + 8);
        Check(toPort, FronthaulDecodeOptions.Default, FronthaulTransportKind.Other, 4, 14 + 20 + 8);

        FronthaulTransportReader.TryRead(toPort, Options, out var t);
        Assert.That((t.SourcePort, t.DestinationPort, t.IpOffset, t.UdpOffset), Is.EqualTo((1234, Port, 14, 34)));
        Assert.That(t.Payload.Length, Is.EqualTo(7), "UDP payload ends at the UDP length, not at the padding");
    }

    private static void Check(byte[] frame, FronthaulDecodeOptions options, FronthaulTransportKind kind, int ipVersion,
        int payloadOffset)
    {
        Assert.That(FronthaulTransportReader.TryRead(frame, options, out var t), Is.True, t.Error.ToString());
        Assert.That((t.Kind, t.IpVersion, t.IsUdp, t.PayloadOffset), Is.EqualTo((kind, ipVersion, true, payloadOffset)));
    }

    [Test]
    public void FronthaulTransportReader_must_report_non_fronthaul_as_other_without_error()
    {
        var arp = TestFrames.Build((ref FrameWriter w) => w.WriteBytes(new byte[28]), 0x0806);
        var icmp = TestFrames.Build((ref FrameWriter w) => { }, 0, [], Encapsulation.Ipv4, 1, 2);
        icmp[14 + 9] = 1; // protocol ICMP (checksum now stale: not our business)
        foreach (var frame in new[] { arp, icmp })
        {
            Assert.That(FronthaulTransportReader.TryRead(frame, Options, out var t), Is.True);
            Assert.That(t.Kind, Is.EqualTo(FronthaulTransportKind.Other));
            Assert.That(t.Error.IsError, Is.False);
        }
    }

    [Test]
    public void FronthaulTransportReader_must_report_a_truncated_ethernet_header()
    {
        Assert.That(FronthaulTransportReader.TryRead(new byte[13], Options, out var t), Is.False);
        Assert.That((t.Error.Code, t.Error.Field, t.Error.Offset), Is.EqualTo((DecodeErrorCode.Truncated, "eth.type", 12)));
    }

    [Test]
    public void Readers_must_not_allocate_per_frame()
    {
        var frames = new[]
        {
            SharedCaptureFrames.Announce, SharedCaptureFrames.Sync, SharedCaptureFrames.FollowUp,
            SharedCaptureFrames.OneWayDelay, SharedCaptureFrames.CPlaneSt3,
            TestFrames.Build(Reset, 0, [new VlanTag(0x88A8, 1, false, 3), new VlanTag(0x8100, 1, false, 4)],
                Encapsulation.Ipv6, 1, Port),
            TestFrames.Build((ref FrameWriter w) => w.WriteEcpriEventIndication(1, 0, 1, [new(1, 0, 1, 1)]),
                EthernetFields.TypeEcpri),
            new byte[10],
        };
        long sink = DecodeAll(frames); // warm-up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            sink += DecodeAll(frames);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
        Assert.That(sink, Is.Not.Zero);
    }

    private static long DecodeAll(byte[][] frames)
    {
        long sum = 0;
        foreach (var frame in frames)
        {
            if (!FronthaulTransportReader.TryRead(frame, Options, out var t))
            {
                sum += t.Error.Offset + 1;
                continue;
            }

            for (int i = 0; t.Ethernet.TryGetVlanTag(i, out var tag); i++)
            {
                sum += tag.VlanId;
            }

            if (t.Kind == FronthaulTransportKind.Ecpri)
            {
                var pdu = new EcpriPduReader(t.Payload, t.PayloadOffset);
                while (pdu.TryReadNext(out var m))
                {
                    sum += m.PayloadSize;
                    if (EcpriOneWayDelay.TryRead(m, out var d, out _))
                    {
                        sum += (long)d.Timestamp.Seconds + d.CompensationValue;
                    }
                    else if (EcpriRemoteReset.TryRead(m, out var r, out _))
                    {
                        sum += r.ResetId;
                    }
                    else if (EcpriEventIndication.TryRead(m, out var e, out _) && e.TryGetElement(0, out var el))
                    {
                        sum += el.AdditionalInformation;
                    }
                    else if (OranTransportHeader.TryRead(m, out var h, out _))
                    {
                        sum += h.Eaxc.Value + h.SequenceId;
                    }
                }
            }
            else if (t.Kind == FronthaulTransportKind.Ptp && PtpReader.TryRead(t.Payload, t.PayloadOffset, out var p, out _))
            {
                sum += p.SequenceId + p.Header.DomainNumber;
                if (p.TryGetTimestamp(out var ts))
                {
                    sum += ts.Nanoseconds;
                }

                if (p.TryGetAnnounce(out var a))
                {
                    sum += a.ClockClass;
                }
            }
        }

        return sum;
    }
}
