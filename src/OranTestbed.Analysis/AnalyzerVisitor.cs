using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Analysis;

/// <summary>
/// The <see cref="IFrameVisitor"/> <see cref="FronthaulAnalyzer"/> hands to <see cref="FrameDecoder"/>: a struct, so the
/// decoder is specialised for it and every callback is a direct call into the analyzer.
/// </summary>
internal readonly struct AnalyzerVisitor(FronthaulAnalyzer analyzer) : IFrameVisitor
{
    public void OnTransport(in FronthaulTransport transport) => analyzer.OnTransport(transport);

    public void OnPtp(in PtpMessage message) => analyzer.OnPtp(message);

    public void OnEcpriMessage(in EcpriMessage message, int index) => analyzer.OnEcpriMessage(message, index);

    public void OnOranTransportHeader(in OranTransportHeader header) => analyzer.OnOranTransportHeader(header);

    public void OnOneWayDelay(in EcpriOneWayDelay delay)
    {
    }

    public void OnRemoteReset(in EcpriRemoteReset reset)
    {
    }

    public void OnEventIndication(in EcpriEventIndication indication)
    {
    }

    public void OnCPlaneHeader(in CPlaneCommonHeader header) => analyzer.OnCPlaneHeader(header);

    public void OnCPlaneSection(in CPlaneSection section) => analyzer.OnCPlaneSection(section);

    public void OnCPlaneLaaMessage(in CPlaneLaaMessage message)
    {
    }

    public void OnUPlaneHeader(UPlaneHeader header) => analyzer.OnUPlaneHeader(header);

    public void OnUPlaneSection(in UPlaneSection section) => analyzer.OnUPlaneSection(section);

    public void OnEcpriMessageEnd() => analyzer.OnEcpriMessageEnd();

    public void OnError(in DecodeError failure) => analyzer.OnError(failure);
}
