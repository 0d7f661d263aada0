using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Decoding;

/// <summary>
/// Decodes one whole frame: transport (Ethernet, VLAN tags, IP/UDP), then every eCPRI message of the PDU with its
/// O-RAN C-plane or U-plane body, or the PTP message; hands each layer to a visitor. Stops at the first defect and
/// reports it through <see cref="IFrameVisitor.OnError"/> and the returned error. Allocates nothing; the visitor is a
/// generic parameter so that struct visitors are called without boxing or virtual dispatch.
/// </summary>
public static class FrameDecoder
{
    /// <returns>The error that stopped decoding, or <see cref="DecodeError.None"/>.</returns>
    public static DecodeError Decode<TVisitor>(ReadOnlySpan<byte> frame, FronthaulDecodeOptions options,
        ref TVisitor visitor, out FrameKind kind)
        where TVisitor : IFrameVisitor, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!FronthaulTransportReader.TryRead(frame, options, out var transport))
        {
            kind = FrameKind.Other;
            return Fail(ref visitor, transport.Error);
        }

        visitor.OnTransport(transport);
        kind = transport.Kind switch
        {
            FronthaulTransportKind.Ecpri => FrameKind.Ecpri,
            FronthaulTransportKind.Ptp => FrameKind.Ptp,
            FronthaulTransportKind.IpFragment => FrameKind.IpFragment,
            _ => FrameKind.Other,
        };

        return kind switch
        {
            FrameKind.Ecpri => DecodeEcpri(transport.Payload, transport.PayloadOffset, options, ref visitor),
            FrameKind.Ptp => DecodePtp(transport.Payload, transport.PayloadOffset, ref visitor),
            _ => DecodeError.None,
        };
    }

    private static DecodeError DecodePtp<TVisitor>(ReadOnlySpan<byte> payload, int offset, ref TVisitor visitor)
        where TVisitor : IFrameVisitor, allows ref struct
    {
        if (!PtpReader.TryRead(payload, offset, out var message, out var error))
        {
            return Fail(ref visitor, error);
        }

        visitor.OnPtp(message);
        return DecodeError.None;
    }

    private static DecodeError DecodeEcpri<TVisitor>(ReadOnlySpan<byte> pdu, int offset,
        FronthaulDecodeOptions options, ref TVisitor visitor)
        where TVisitor : IFrameVisitor, allows ref struct
    {
        var reader = new EcpriPduReader(pdu, offset);
        int index = 0;
        while (reader.TryReadNext(out var message))
        {
            visitor.OnEcpriMessage(message, index++);
            var error = DecodeBody(message, options, ref visitor);
            if (error.IsError)
            {
                return Fail(ref visitor, error);
            }

            visitor.OnEcpriMessageEnd();
        }

        return reader.Error.IsError ? Fail(ref visitor, reader.Error) : DecodeError.None;
    }

    private static DecodeError DecodeBody<TVisitor>(EcpriMessage message, FronthaulDecodeOptions options,
        ref TVisitor visitor)
        where TVisitor : IFrameVisitor, allows ref struct
    {
        DecodeError error;
        switch (message.MessageType)
        {
            case EcpriFields.TypeIqData:
            case EcpriFields.TypeRealTimeControl:
                if (!OranTransportHeader.TryRead(message, out var header, out error))
                {
                    return error;
                }

                visitor.OnOranTransportHeader(header);
                var body = message.Payload[EcpriFields.TransportHeaderLength..];
                int bodyOffset = message.PayloadOffset + EcpriFields.TransportHeaderLength;
                return message.MessageType == EcpriFields.TypeIqData
                    ? DecodeUPlane(body, bodyOffset, options, ref visitor)
                    : DecodeCPlane(body, bodyOffset, options, ref visitor);
            case EcpriFields.TypeOneWayDelay:
                if (!EcpriOneWayDelay.TryRead(message, out var delay, out error))
                {
                    return error;
                }

                visitor.OnOneWayDelay(delay);
                return DecodeError.None;
            case EcpriFields.TypeRemoteReset:
                if (!EcpriRemoteReset.TryRead(message, out var reset, out error))
                {
                    return error;
                }

                visitor.OnRemoteReset(reset);
                return DecodeError.None;
            case EcpriFields.TypeEventIndication:
                if (!EcpriEventIndication.TryRead(message, out var indication, out error))
                {
                    return error;
                }

                visitor.OnEventIndication(indication);
                return DecodeError.None;
            default:
                // Other eCPRI types (bit sequence, generic data, memory access, IWF) are carried as raw payload.
                return DecodeError.None;
        }
    }

    private static DecodeError DecodeCPlane<TVisitor>(ReadOnlySpan<byte> body, int offset,
        FronthaulDecodeOptions options, ref TVisitor visitor)
        where TVisitor : IFrameVisitor, allows ref struct
    {
        var reader = new CPlaneReader(body, offset, options);
        if (!reader.TryReadHeader(out var header))
        {
            return reader.Error;
        }

        visitor.OnCPlaneHeader(header);
        if (header.SectionType == CPlaneSectionType.Laa)
        {
            if (!reader.TryReadLaaMessage(out var laa))
            {
                return reader.Error;
            }

            visitor.OnCPlaneLaaMessage(laa);
            return DecodeError.None;
        }

        while (reader.TryReadSection(out var section))
        {
            visitor.OnCPlaneSection(section);
        }

        return reader.Error;
    }

    private static DecodeError DecodeUPlane<TVisitor>(ReadOnlySpan<byte> body, int offset,
        FronthaulDecodeOptions options, ref TVisitor visitor)
        where TVisitor : IFrameVisitor, allows ref struct
    {
        var reader = new UPlaneReader(body, offset, options);
        if (!reader.TryReadHeader(out var header))
        {
            return reader.Error;
        }

        visitor.OnUPlaneHeader(header);
        while (reader.TryReadNext(out var section))
        {
            visitor.OnUPlaneSection(section);
        }

        return reader.Error;
    }

    private static DecodeError Fail<TVisitor>(ref TVisitor visitor, DecodeError error)
        where TVisitor : IFrameVisitor, allows ref struct
    {
        visitor.OnError(error);
        return error;
    }
}
