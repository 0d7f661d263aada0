using System.Buffers.Binary;

namespace OranTestbed.Fronthaul.UPlane;

/// <summary>
/// The 4-byte U-plane radio application common header (O-RAN.WG4.CUS §6.3.3.1-6.3.3.7), kept as its raw big-endian
/// value; every field is computed from it.
/// </summary>
public readonly record struct UPlaneHeader(uint Raw)
{
    /// <summary>dataDirection bit: 1 = DL (gNB transmit), 0 = UL.</summary>
    public int DataDirection => (int)(Raw >> 31);

    public bool IsDownlink => DataDirection == 1;

    public int PayloadVersion => (int)(Raw >> 28) & 0x7;

    public int FilterIndex => (int)(Raw >> 24) & 0xF;

    public int FrameId => (int)(Raw >> 16) & 0xFF;

    public int SubframeId => (int)(Raw >> 12) & 0xF;

    public int SlotId => (int)(Raw >> 6) & 0x3F;

    public int SymbolId => (int)Raw & 0x3F;

    public static UPlaneHeader Read(ReadOnlySpan<byte> header) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(header));

    public void Write(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Raw);

    /// <summary>Builds a header from field values; each is checked against its width.</summary>
    public static UPlaneHeader Create(bool downlink, int frameId, int subframeId, int slotId, int symbolId,
        int filterIndex = 0, int payloadVersion = UPlaneFields.PayloadVersion)
    {
        Check(payloadVersion, 7, nameof(payloadVersion));
        Check(filterIndex, 15, nameof(filterIndex));
        Check(frameId, 255, nameof(frameId));
        Check(subframeId, 15, nameof(subframeId));
        Check(slotId, 63, nameof(slotId));
        Check(symbolId, 63, nameof(symbolId));
        uint raw = ((downlink ? 1u : 0u) << 31) | ((uint)payloadVersion << 28) | ((uint)filterIndex << 24)
                   | ((uint)frameId << 16) | ((uint)subframeId << 12) | ((uint)slotId << 6) | (uint)symbolId;
        return new UPlaneHeader(raw);
    }

    private static void Check(int value, int max, string name)
    {
        if ((uint)value > (uint)max)
        {
            throw new ArgumentOutOfRangeException(name, value, "field value out of range");
        }
    }
}
