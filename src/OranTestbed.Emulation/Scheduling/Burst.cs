using OranTestbed.Emulation.Frames;

namespace OranTestbed.Emulation.Scheduling;

/// <summary>
/// One scheduled transmission of a node: a C-plane message, or the U-plane messages of one symbol of one eAxC, with
/// the time the node wants to start sending it and everything needed to write its frames when it leaves.
/// </summary>
internal struct Burst
{
    /// <summary>When the node wants to send (on the capture clock, ns).</summary>
    public long DesiredNs;

    /// <summary>Scheduling order: ties in <see cref="DesiredNs"/> leave in this order.</summary>
    public long Order;

    /// <summary>Air time of the (start) symbol the burst serves.</summary>
    public long AirNs;

    /// <summary>The templates of a U-plane burst; null for C-plane.</summary>
    public UPlaneBurstPlan? Plan;

    public BurstKind Kind;
    public BurstFlags Flags;
    public ushort Eaxc;
    public byte FrameId;
    public byte SubframeId;
    public byte SlotId;

    /// <summary>symbolId (U-plane) or startSymbolId (C-plane).</summary>
    public byte Symbol;

    /// <summary>numSymbol of a C-plane section.</summary>
    public byte NumSymbol;

    public byte Variant;
    public short SectionId;

    /// <summary>C-plane section PRBs: startPrbc and the PRB count (numPrbc written as 0 above 255).</summary>
    public short StartPrb;
    public short NumPrb;

    /// <summary>PRBs of the extra section past the carrier (C-plane, with <see cref="BurstFlags.BeyondCarrier"/>).</summary>
    public byte ExtraPrbs;

    public readonly bool Is(BurstFlags flag) => (Flags & flag) != 0;
}
