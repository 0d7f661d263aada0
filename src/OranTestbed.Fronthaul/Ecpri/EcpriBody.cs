using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>Shared checks of the message-body views: right message type, payload long enough.</summary>
internal static class EcpriBody
{
    public static bool Check(EcpriMessage message, byte type, int minimumPayload, out DecodeError error)
    {
        if (message.MessageType != type)
        {
            error = new DecodeError(DecodeErrorCode.UnknownType, "ecpri.messageType",
                message.Offset + EcpriFields.MessageTypeOffset, "message is not of the type this view decodes");
            return false;
        }

        if (message.PayloadSize < minimumPayload)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ecpri.payloadSize",
                message.Offset + EcpriFields.PayloadSizeOffset, "payload size is below the minimum of the message type");
            return false;
        }

        error = DecodeError.None;
        return true;
    }
}
