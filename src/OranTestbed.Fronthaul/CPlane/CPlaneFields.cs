namespace OranTestbed.Fronthaul.CPlane;

/// <summary>
/// C-plane message layout (eCPRI message type 2), offsets from the radio application common header, i.e. the
/// eCPRI payload after the 4-byte O-RAN transport header (eAxC id, seqId; see <c>EcpriFields</c>).
/// O-RAN.WG4.CUS §7.5.2 (common header fields), §7.4 / §7.5.1 (section types), §7.5.3 (section fields).
/// <code>
/// Common header (every section type), §7.5.2.1-§7.5.2.9
///  0               1               2               3
/// +-+-----+-------+---------------+-------+-----------+-----------+
/// |d| ver | filt  |   frameId     | subfr |  slotId   | startSym  |
/// +-+-----+-------+---------------+-------+-----------+-----------+
/// | numberOfSections | sectionType | type-specific common fields…  (offset 4, 5, 6…)
///
/// Type-specific common fields (offset 6), §7.4.x / Table 7.4.x-1:
///  ST0: timeOffset(16) frameStructure(8: fft 4 | scs 4) cpLength(16) reserved(8)    → header 12 bytes
///  ST1: udCompHdr(8) reserved(8)                                                     → header  8 bytes
///  ST3: timeOffset(16) frameStructure(8) cpLength(16) udCompHdr(8)                   → header 12 bytes
///  ST5: udCompHdr(8) reserved(8)                                                     → header  8 bytes
///  ST6: numberOfUEs(8) ciCompHdr(8: ciIqWidth 4 | ciCompMeth 3 | ciCompOpt 1)        → header  8 bytes
///  ST7: reserved(16), then the LAA message laaMsgType(4) | laaMsgLen(4) …            → header  8 bytes
///
/// Section, ST0/ST1/ST3/ST5 (§7.5.3.1-§7.5.3.11):
///  0               1               2               3
/// +-----------------------+-+-+-------------------+---------------+
/// |      sectionId        |r|s|    startPrbc      |   numPrbc     |
/// +-----------------------+-+-+-----------+-------+---------------+
/// |        reMask (12)                    |numSym |e|  beamId / ueId / reserved (15) |
/// +---------------------------------------+-------+-+-------------------------------+
///  ST3 only: freqOffset (24, signed) | reserved (8)                  (offsets 8-11)
///  then, when e = 1, section extensions (§7.7)
///
/// Section, ST6 (§7.4.6 Table 7.4.6-2):
/// |e| ueId (15) | regularizationFactor (16, signed) |res(4)|r|s| startPrbc(10) | numPrbc(8) |
///  then per PRB: [ciCompParam] + L × (ciIsample, ciQsample), ciIqWidth bits each, PRB padded to a byte;
///  then, when e = 1, section extensions.
/// </code>
/// </summary>
public static class CPlaneFields
{
    // Common header, §7.5.2.
    public const int DirectionAndVersionOffset = 0;
    public const byte DataDirectionMask = 0x80;
    public const byte PayloadVersionMask = 0x70;
    public const int PayloadVersionShift = 4;
    public const byte FilterIndexMask = 0x0F;
    public const int FrameIdOffset = 1;
    public const int SubframeSlotSymbolOffset = 2;
    public const int NumberOfSectionsOffset = 4;
    public const int SectionTypeOffset = 5;
    public const int TypeSpecificOffset = 6;

    /// <summary>payloadVersion = 001b (§7.5.2.2).</summary>
    public const int PayloadVersion = 1;

    // ST0 and ST3 common fields (§7.5.2.12 timeOffset, §7.5.2.13 frameStructure, §7.5.2.14 cpLength).
    public const int TimeOffsetOffset = 6;
    public const int FrameStructureOffset = 8;
    public const int CpLengthOffset = 9;
    public const int St0ReservedOffset = 11;
    public const int St3UdCompHdrOffset = 11;

    // ST1 / ST5 common fields (§7.5.2.10 udCompHdr).
    public const int UdCompHdrOffset = 6;
    public const int St1ReservedOffset = 7;

    // ST6 common fields (§7.5.2.11 numberOfUEs, §7.5.2.18 ciCompHdr).
    public const int NumberOfUesOffset = 6;
    public const int CiCompHdrOffset = 7;

    // ST7 (§7.4.7): reserved(16) then the LAA message.
    public const int St7ReservedOffset = 6;
    public const int LaaMessageOffset = 8;

    public const int HeaderLengthSt0 = 12;
    public const int HeaderLengthSt1 = 8;
    public const int HeaderLengthSt3 = 12;
    public const int HeaderLengthSt5 = 8;
    public const int HeaderLengthSt6 = 8;
    public const int HeaderLengthSt7 = 8;

    /// <summary>Bytes of the common header every section type shares (through sectionType).</summary>
    public const int CommonLength = 6;

    // Section fields, offsets from the section start (§7.5.3).
    public const int SectionIdOffset = 0;
    public const int StartPrbcOffset = 1;
    public const byte RbMask = 0x08;
    public const byte SymIncMask = 0x04;
    public const int NumPrbcOffset = 3;
    public const int ReMaskOffset = 4;
    public const int EfWordOffset = 6;
    public const int FreqOffsetOffset = 8;
    public const int St3SectionReservedOffset = 11;

    public const int SectionLength = 8;
    public const int SectionLengthSt3 = 12;

    // ST6 section, offsets from the section start.
    public const int St6UeIdOffset = 0;
    public const int St6RegularizationFactorOffset = 2;
    public const int St6PrbWordOffset = 4;
    public const int St6NumPrbcOffset = 6;
    public const int St6SamplesOffset = 7;

    /// <summary>The ef bit: bit 7 of the byte that starts the 16-bit ef|beamId word and every extension.</summary>
    public const byte EfMask = 0x80;

    /// <summary>sectionId 4095: no coupling of C- and U-plane by sectionId (§7.5.3.1).</summary>
    public const int SectionIdNoCoupling = 4095;
}
