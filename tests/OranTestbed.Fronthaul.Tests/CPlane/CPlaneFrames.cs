using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Writing;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Fronthaul.Tests.CPlane;

/// <summary>C-plane test frames: Ethernet + VLAN 2 (PCP 7) + eCPRI type 2 around a message built with <see cref="CPlaneWriter"/>.</summary>
public static class CPlaneFrames
{
    /// <summary>Frame offset of the radio application common header: 14 Ethernet + 4 VLAN + 4 eCPRI + 4 eAxC/seqId.</summary>
    public const int MessageOffset = 26;

    public delegate void Build(ref CPlaneWriter writer);

    /// <summary>The C-plane message alone (from dataDirection on).</summary>
    public static byte[] Message(Build build)
    {
        var buffer = new byte[16384];
        var writer = new CPlaneWriter(buffer);
        build(ref writer);
        return writer.Written.ToArray();
    }

    /// <summary>A whole frame carrying <paramref name="message"/>.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, ushort eaxc = 1, byte sequenceId = 0)
    {
        var buffer = new byte[message.Length + 128];
        var frame = new FrameWriter(buffer);
        VlanTag[] vlans = [VlanTag.Customer(2, 7)];
        byte[] destination = [0x00, 0xAA, 0xBB, 0xCC, 0xDD, 0x01];
        byte[] source = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];
        frame.WriteEthernetHeader(destination, source, vlans, EthernetFields.TypeEcpri);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeRealTimeControl);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), sequenceId);
        frame.WriteBytes(message);
        frame.EndEcpri(ecpri);
        int length = frame.Finish();
        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>The eCPRI payload size field of a frame built by <see cref="Frame"/> bounds the message.</summary>
    public static ReadOnlySpan<byte> MessageOf(byte[] frame)
    {
        int size = (frame[20] << 8) | frame[21];
        return frame.AsSpan(MessageOffset, size - EcpriFields.TransportHeaderLength);
    }

    public static List<byte[]> ReadCapture(string path)
    {
        var frames = new List<byte[]>();
        using var device = new CaptureFileReaderDevice(path);
        device.Open();
        while (device.GetNextPacket(out var packet) == GetPacketStatus.PacketRead)
        {
            frames.Add(packet.Data.ToArray());
        }

        return frames;
    }
}
