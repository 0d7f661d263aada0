using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>eCPRI message type 6, remote reset (eCPRI V2.0 §3.2.4.7): reset id, reset code op, vendor-specific data.</summary>
public readonly ref struct EcpriRemoteReset
{
    private readonly ReadOnlySpan<byte> _payload;

    private EcpriRemoteReset(ReadOnlySpan<byte> payload) => _payload = payload;

    public ushort ResetId => BinaryPrimitives.ReadUInt16BigEndian(_payload);

    /// <summary>Reset code op: 1 = remote reset request, 2 = remote reset response; 0 and 3-255 reserved.</summary>
    public byte ResetCodeOp => _payload[EcpriBodyFields.ResetCodeOffset];

    public ReadOnlySpan<byte> VendorSpecific => _payload[EcpriBodyFields.ResetVendorOffset..];

    public static bool TryRead(EcpriMessage message, out EcpriRemoteReset reset, out DecodeError error)
    {
        reset = default;
        if (!EcpriBody.Check(message, EcpriFields.TypeRemoteReset, EcpriBodyFields.ResetMinimumPayload, out error))
        {
            return false;
        }

        reset = new EcpriRemoteReset(message.Payload);
        return true;
    }
}
