namespace OranTestbed.Fronthaul.Ptp;

/// <summary>
/// The values of a PTP common header (IEEE 1588-2019 §13.3) other than messageType and messageLength, which the
/// writer derives from the message it writes. <see cref="PtpMessage.Header"/> returns the same shape.
/// </summary>
public readonly record struct PtpHeader
{
    public byte MajorSdoId { get; init; }
    public byte MinorVersionPtp { get; init; }
    public byte VersionPtp { get; init; }
    public byte DomainNumber { get; init; }
    public byte MinorSdoId { get; init; }
    public ushort FlagField { get; init; }

    /// <summary>correctionField, signed nanoseconds × 2^16.</summary>
    public long CorrectionField { get; init; }

    public uint MessageTypeSpecific { get; init; }
    public PtpPortIdentity SourcePortIdentity { get; init; }
    public ushort SequenceId { get; init; }
    public byte ControlField { get; init; }
    public sbyte LogMessageInterval { get; init; }

    /// <summary>PTP v2.0 defaults (versionPTP 2), everything else zero.</summary>
    public static PtpHeader V2 { get; } = new() { VersionPtp = PtpFields.VersionPtp };
}
