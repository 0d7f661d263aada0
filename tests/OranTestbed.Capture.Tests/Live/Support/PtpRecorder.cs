using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Capture.Tests.Live.Support;

/// <summary>A <see cref="FrameDecoder"/> visitor that keeps the PTP fields of one frame.</summary>
public struct PtpRecorder : IFrameVisitor
{
    public bool IsPtp { get; private set; }

    public PtpMessageType Type { get; private set; }

    public byte Domain { get; private set; }

    public ushort SequenceId { get; private set; }

    public ushort Flags { get; private set; }

    public ulong SourceClock { get; private set; }

    /// <summary>grandmasterClockQuality.clockClass of an Announce; null for other messages.</summary>
    public byte? ClockClass { get; private set; }

    public void OnPtp(in PtpMessage message)
    {
        IsPtp = true;
        Type = message.MessageType;
        Domain = message.DomainNumber;
        SequenceId = message.SequenceId;
        Flags = message.FlagField;
        SourceClock = message.SourcePortIdentity.ClockIdentity;
        ClockClass = message.TryGetAnnounce(out var announce) ? announce.ClockClass : null;
    }

    public readonly void OnTransport(in FronthaulTransport transport)
    {
    }

    public readonly void OnEcpriMessage(in EcpriMessage message, int index)
    {
    }

    public readonly void OnOranTransportHeader(in OranTransportHeader header)
    {
    }

    public readonly void OnOneWayDelay(in EcpriOneWayDelay delay)
    {
    }

    public readonly void OnRemoteReset(in EcpriRemoteReset reset)
    {
    }

    public readonly void OnEventIndication(in EcpriEventIndication indication)
    {
    }

    public readonly void OnCPlaneHeader(in CPlaneCommonHeader header)
    {
    }

    public readonly void OnCPlaneSection(in CPlaneSection section)
    {
    }

    public readonly void OnCPlaneLaaMessage(in CPlaneLaaMessage message)
    {
    }

    public readonly void OnUPlaneHeader(UPlaneHeader header)
    {
    }

    public readonly void OnUPlaneSection(in UPlaneSection section)
    {
    }

    public readonly void OnEcpriMessageEnd()
    {
    }

    public readonly void OnError(in DecodeError failure)
    {
    }
}
