namespace OranTestbed.Fronthaul.Ecpri;

/// <summary>
/// Payload layouts of the eCPRI management messages (offsets from the payload start, after the common header).
/// <code>
/// Type 5 one-way delay (eCPRI V2.0 §3.2.4.6), payload >= 20:
///   | measId | action | timestamp: seconds(6) nanoseconds(4) | compensation value (8, signed ns * 2^16) | dummy ...
/// Type 6 remote reset (§3.2.4.7), payload >= 3:
///   | reset id (2) | reset code op (1: 1 request, 2 response) | vendor specific ...
/// Type 7 event indication (§3.2.4.8), payload = 4 + 8 * N:
///   | event id | event type | sequence number | N = number of faults/notifications |
///   N x | element id (2) | raise/cease (4 bits) fault/notification number (12 bits) | additional info (4) |
/// </code>
/// </summary>
public static class EcpriBodyFields
{
    public const int DelayMeasurementIdOffset = 0;
    public const int DelayActionTypeOffset = 1;
    public const int DelayTimestampOffset = 2;
    public const int DelayCompensationOffset = 12;
    public const int DelayDummyOffset = 20;
    public const int DelayMinimumPayload = 20;

    public const int ResetIdOffset = 0;
    public const int ResetCodeOffset = 2;
    public const int ResetVendorOffset = 3;
    public const int ResetMinimumPayload = 3;

    public const int EventIdOffset = 0;
    public const int EventTypeOffset = 1;
    public const int EventSequenceOffset = 2;
    public const int EventCountOffset = 3;
    public const int EventElementsOffset = 4;
    public const int EventElementLength = 8;
    public const int EventElementIdOffset = 0;
    public const int EventRaiseCeaseOffset = 2;
    public const int EventAdditionalInfoOffset = 4;
    public const int EventFaultMask = 0x0FFF;
}
