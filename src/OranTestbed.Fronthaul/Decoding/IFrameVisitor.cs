using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Decoding;

/// <summary>
/// Receives the layers of one frame, in wire order, from <see cref="FrameDecoder.Decode{TVisitor}"/>. One walk of the
/// readers serves every consumer (JSON and text output, counters, the analyzer): a consumer only says what it does
/// with each layer. Views are valid only during the call. For each eCPRI message the calls are
/// <see cref="OnEcpriMessage"/>, then the body calls, then <see cref="OnEcpriMessageEnd"/>.
/// </summary>
public interface IFrameVisitor
{
    void OnTransport(in FronthaulTransport transport);

    void OnPtp(in PtpMessage message);

    void OnEcpriMessage(in EcpriMessage message, int index);

    /// <summary>eAxC id and sequence of message types 0 and 2.</summary>
    void OnOranTransportHeader(in OranTransportHeader header);

    void OnOneWayDelay(in EcpriOneWayDelay delay);

    void OnRemoteReset(in EcpriRemoteReset reset);

    void OnEventIndication(in EcpriEventIndication indication);

    void OnCPlaneHeader(in CPlaneCommonHeader header);

    /// <summary>One C-plane section; its extensions are read from <see cref="CPlaneSection.Extensions"/>.</summary>
    void OnCPlaneSection(in CPlaneSection section);

    void OnCPlaneLaaMessage(in CPlaneLaaMessage message);

    void OnUPlaneHeader(UPlaneHeader header);

    void OnUPlaneSection(in UPlaneSection section);

    void OnEcpriMessageEnd();

    /// <summary>The frame is malformed here; decoding of the frame stops after this call.</summary>
    void OnError(in DecodeError failure);
}
