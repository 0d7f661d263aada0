using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Emulation.SPlane;

/// <summary>One untagged PTP-over-Ethernet frame (EtherType 0x88F7) as a new array, its message written by a body, and the
/// G.8275.1 header its messages share: what synthetic S-plane traffic is built of.</summary>
public static class PtpFrame
{
    /// <summary>The non-forwardable multicast address of G.8275.1 (01-80-C2-00-00-0E).</summary>
    public static readonly byte[] NonForwardable = [0x01, 0x80, 0xC2, 0x00, 0x00, 0x0E];

    /// <summary>The forwardable multicast address (01-1B-19-00-00-00).</summary>
    public static readonly byte[] Forwardable = [0x01, 0x1B, 0x19, 0x00, 0x00, 0x00];

    private static readonly byte[] SourceMac = [0x02, 0, 0, 0, 0, 0x01];

    /// <summary>Writes the PTP message of a frame.</summary>
    public delegate void Body(ref FrameWriter writer);

    public static byte[] Build(byte[] destination, Body body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new byte[128];
        var writer = new FrameWriter(buffer);
        writer.WriteEthernetHeader(destination, SourceMac, [], EthernetFields.TypePtp);
        body(ref writer);
        return buffer[..writer.Finish()];
    }

    public static PtpHeader Header(byte domain, PtpPortIdentity port, ushort sequenceId, ushort flags, sbyte logInterval,
        long correction = 0) => PtpHeader.V2 with
        {
            DomainNumber = domain,
            FlagField = flags,
            CorrectionField = correction,
            SourcePortIdentity = port,
            SequenceId = sequenceId,
            LogMessageInterval = logInterval,
        };
}
