using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Emulation.Nodes;

/// <summary>Hands the layers of a received frame that an O-RU acts on to <see cref="RuEmulator"/>.</summary>
internal readonly struct RuFrameVisitor(RuEmulator ru) : IFrameVisitor
{
    public void OnTransport(in FronthaulTransport transport)
    {
    }

    public void OnPtp(in PtpMessage message)
    {
    }

    public void OnEcpriMessage(in EcpriMessage message, int index)
    {
    }

    public void OnOranTransportHeader(in OranTransportHeader header) =>
        ru.OnTransportHeader(header.Eaxc.Value, header.SequenceId);

    public void OnOneWayDelay(in EcpriOneWayDelay delay)
    {
    }

    public void OnRemoteReset(in EcpriRemoteReset reset)
    {
    }

    public void OnEventIndication(in EcpriEventIndication indication)
    {
    }

    public void OnCPlaneHeader(in CPlaneCommonHeader header) => ru.OnCPlaneHeader(header);

    public void OnCPlaneSection(in CPlaneSection section) => ru.OnCPlaneSection(section);

    public void OnCPlaneLaaMessage(in CPlaneLaaMessage message)
    {
    }

    public void OnUPlaneHeader(UPlaneHeader header) => ru.OnUPlaneHeader(header);

    public void OnUPlaneSection(in UPlaneSection section)
    {
    }

    public void OnEcpriMessageEnd()
    {
    }

    public void OnError(in DecodeError failure) => ru.OnDecodeError();
}
