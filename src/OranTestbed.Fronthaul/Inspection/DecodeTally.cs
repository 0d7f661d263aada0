using System.Runtime.CompilerServices;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Inspection;

/// <summary>
/// Counts what <see cref="FrameDecoder"/> finds without rendering it: the count-only mode of <c>decode</c> and the
/// throughput benchmarks. A mutable struct passed by reference, so counting allocates nothing.
/// </summary>
public struct DecodeTally : IFrameVisitor
{
    private ErrorCounts _errors;

    public long EcpriMessages { get; private set; }
    public long CPlaneMessages { get; private set; }
    public long CPlaneSections { get; private set; }
    public long CPlaneExtensions { get; private set; }
    public long UPlaneMessages { get; private set; }
    public long UPlaneSections { get; private set; }
    public long UPlanePrbs { get; private set; }
    public long PtpMessages { get; private set; }
    public long OtherEcpriMessages { get; private set; }
    public long MalformedFrames { get; private set; }

    /// <summary>Malformed frames whose first defect had <paramref name="code"/>.</summary>
    public readonly long ErrorsOf(DecodeErrorCode code) => _errors[(int)code];

    public void OnTransport(in FronthaulTransport transport)
    {
    }

    public void OnPtp(in PtpMessage message) => PtpMessages++;

    public void OnEcpriMessage(in EcpriMessage message, int index)
    {
        EcpriMessages++;
        if (message.MessageType is not (EcpriFields.TypeIqData or EcpriFields.TypeRealTimeControl))
        {
            OtherEcpriMessages++;
        }
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
    }

    public void OnCPlaneHeader(in CPlaneCommonHeader header) => CPlaneMessages++;

    public void OnCPlaneSection(in CPlaneSection section)
    {
        CPlaneSections++;
        CPlaneExtensions += section.ExtensionCount;
    }

    public void OnCPlaneLaaMessage(in CPlaneLaaMessage message)
    {
    }

    public void OnUPlaneHeader(UPlaneHeader header) => UPlaneMessages++;

    public void OnUPlaneSection(in UPlaneSection section)
    {
        UPlaneSections++;
        UPlanePrbs += section.NumPrb;
    }

    public void OnEcpriMessageEnd()
    {
    }

    public void OnError(in DecodeError failure)
    {
        MalformedFrames++;
        _errors[(int)failure.Code]++;
    }

    [InlineArray(16)]
    private struct ErrorCounts
    {
        private long _element;
    }
}
