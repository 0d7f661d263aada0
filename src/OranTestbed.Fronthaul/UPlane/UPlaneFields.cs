namespace OranTestbed.Fronthaul.UPlane;

/// <summary>
/// O-RAN U-plane message (eCPRI message type 0), offsets from the start of the radio application common header,
/// i.e. after the 4-byte eCPRI header and the 4-byte ecpriPcid/ecpriSeqid transport header
/// (O-RAN.WG4.CUS §6.3.2 "U-plane message format", §6.3.3 field descriptions; section fields §7.5.2.x).
/// <code>
///  common header (§6.3.3.1-6.3.3.7), 4 bytes
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-----+-------+---------------+-------+-----------+-----------+
/// |d| ver | filt  |   frameId     | subfr |  slotId   | symbolId  |
/// +-+-----+-------+---------------+-------+-----------+-----------+
///  d = dataDirection (1 DL, 0 UL), ver = payloadVersion (1), filt = filterIndex
///
///  section (repeated until the eCPRI payload ends)
/// +-----------------------+-+-+-------------------+---------------+
/// |   sectionId (12)      |r|s|  startPrbu (10)   |  numPrbu (8)  |   r = rb, s = symInc
/// +---------------+-------+-+-+-------------------+---------------+
/// | udCompHdr (8) | reserved (8) |  only when compression is dynamic (M-plane), §6.3.3.13
/// +---------------+---------------+
/// | PRB 0: [udCompParam (8)] 24 × udIqWidth bits I0 Q0 … I11 Q11, padded to a byte | PRB 1 … PRB numPrbu−1
/// +--------------------------------------------------------------------------------
///  numPrbu = 0 means every PRB of the carrier (§7.5.2.6: needed for carriers above 255 PRBs).
///  udCompHdr = udIqWidth (4, 0 means 16) | udCompMeth (4) (§7.5.2.10); udCompParam per method, §6.3.3.13 / Annex A.
/// </code>
/// </summary>
public static class UPlaneFields
{
    // Common header (§6.3.3.1-6.3.3.7).
    public const int DirectionOffset = 0;
    public const byte DataDirectionMask = 0x80;
    public const int DataDirectionShift = 7;
    public const byte PayloadVersionMask = 0x70;
    public const int PayloadVersionShift = 4;
    public const byte FilterIndexMask = 0x0F;
    public const int FrameIdOffset = 1;
    public const int SubframeSlotSymbolOffset = 2;
    public const ushort SubframeIdMask = 0xF000;
    public const int SubframeIdShift = 12;
    public const ushort SlotIdMask = 0x0FC0;
    public const int SlotIdShift = 6;
    public const ushort SymbolIdMask = 0x003F;
    public const int CommonHeaderLength = 4;

    /// <summary>§6.3.3.2: payloadVersion 001b is the only value defined.</summary>
    public const int PayloadVersion = 1;

    // Section header, offsets from the section start (§6.3.3.8-6.3.3.13; fields §7.5.2.1, 7.5.2.2, 7.5.2.3, 7.5.2.5, 7.5.2.6).
    public const int SectionIdOffset = 0;
    public const int SectionIdShift = 12;          // within the first 24 bits
    public const uint RbMask = 0x000800;
    public const uint SymIncMask = 0x000400;
    public const uint StartPrbMask = 0x0003FF;
    public const int StartPrbOffset = 1;           // startPrbu occupies the low 2 bits of byte 1 and byte 2
    public const int NumPrbOffset = 3;
    public const int SectionHeaderLength = 4;
    public const int UdCompHdrOffset = 4;
    public const int ReservedOffset = 5;
    public const int UdCompHdrLength = 2;          // udCompHdr + reserved byte

    /// <summary>§7.5.2.1: sectionId 4095 means "no coupling by sectionId".</summary>
    public const int SectionIdNoCoupling = 4095;
}
