namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// eCPRI common header (eCPRI Specification V2.0 §3.1.3.1) and the O-RAN transport header that starts the payload
/// of message types 0 and 2 (O-RAN.WG4.CUS §5.1.3.1: ecpriPcid/ecpriRtcid = eAxC id, ecpriSeqid).
/// <code>
///  0       1       2       3       4       5       6       7
/// +-------+-------+-------+-------+-------+-------+-------+-------+
/// |rev|r|C| type  | payload size  | eAxC id       | seqId |E|subsq|   (bytes 4-7: types 0 and 2 only)
/// +-------+-------+-------+-------+-------+-------+-------+-------+
///  rev = bits 7-4, reserved = bits 3-1, C = bit 0 (another message follows, 4-byte aligned)
/// </code>
/// </summary>
public static class EcpriFields
{
    public const int RevisionAndFlagsOffset = 0;
    public const int MessageTypeOffset = 1;
    public const int PayloadSizeOffset = 2;
    public const int HeaderLength = 4;

    /// <summary>eCPRI V2.0 §3.1.3.1.1: protocol revision 1 (eCPRI 1.x and 2.0).</summary>
    public const int Revision = 1;

    public const byte ConcatenationMask = 0x01;
    public const byte ReservedMask = 0x0E;

    /// <summary>Concatenated messages start on a 4-byte boundary (eCPRI V2.0 §3.1.3.1.3).</summary>
    public const int ConcatenationAlignment = 4;

    // O-RAN transport header, offsets from the start of the eCPRI payload.
    public const int EaxcIdOffset = 0;
    public const int SequenceIdOffset = 2;
    public const int SubsequenceOffset = 3;
    public const int TransportHeaderLength = 4;
    public const byte EBitMask = 0x80;
    public const byte SubsequenceMask = 0x7F;

    public const byte TypeIqData = 0;
    public const byte TypeBitSequence = 1;
    public const byte TypeRealTimeControl = 2;
    public const byte TypeGenericDataTransfer = 3;
    public const byte TypeRemoteMemoryAccess = 4;
    public const byte TypeOneWayDelay = 5;
    public const byte TypeRemoteReset = 6;
    public const byte TypeEventIndication = 7;
}
