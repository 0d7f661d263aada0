using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Tests.Transport;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Ptp;

/// <summary>One L2 frame per PTP message kind we write, for truncation tests.</summary>
public static class PtpTsharkFrames
{
    public static IEnumerable<byte[]> L2Frames()
    {
        var h = PtpHeader.V2 with { DomainNumber = 24, SequenceId = 7 };
        var ts = new PtpTimestamp(1, 2);
        BodyWriter[] bodies =
        [
            (ref FrameWriter w) => w.WritePtpSync(h, ts),
            (ref FrameWriter w) => w.WritePtpDelayReq(h, ts),
            (ref FrameWriter w) => w.WritePtpFollowUp(h, ts),
            (ref FrameWriter w) => w.WritePtpDelayResp(h, ts, new PtpPortIdentity(3, 4)),
            (ref FrameWriter w) => w.WritePtpAnnounce(h, new PtpAnnounce { ClockClass = 6 }),
            (ref FrameWriter w) => w.WritePtpMessage(h, PtpMessageType.Signaling, new byte[10]),
        ];
        return bodies.Select(b => TestFrames.Build(b, EthernetFields.TypePtp));
    }
}
