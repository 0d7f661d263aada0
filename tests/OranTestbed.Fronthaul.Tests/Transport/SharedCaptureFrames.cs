namespace OranTestbed.Fronthaul.Tests.Transport;

/// <summary>Frames 1-5 of testplans/captures/synthetic_oran_fh_min.pcap, as printed by <c>tshark -x</c> 4.0.17.</summary>
public static class SharedCaptureFrames
{
    /// <summary>PTP Announce, L2 multicast, domain 24, clockClass 6, accuracy 0x21, variance 0x4E5D, UTC offset 37.</summary>
    public static byte[] Announce => TestFrames.Hex(
        "011b19000000001122334455 88f7 0b02 0040 1800 003c 0000000000000000 00000000 001122fffe334455 0001 0064 05fd"
        + "00000000000000000000 0025 00 80 06 21 4e5d 80 001122fffe334455 0000 20");

    /// <summary>PTP Sync, two-step, seq 200, logMessageInterval -4.</summary>
    public static byte[] Sync => TestFrames.Hex(
        "011b19000000001122334455 88f7 0002 002c 1800 0200 0000000000000000 00000000 001122fffe334455 0001 00c8 00fc"
        + "00000000000000000000 0000");

    /// <summary>PTP Follow_Up, seq 200, preciseOriginTimestamp 1700000037.123456789.</summary>
    public static byte[] FollowUp => TestFrames.Hex(
        "011b19000000001122334455 88f7 0802 002c 1800 0000 0000000000000000 00000000 001122fffe334455 0001 00c8 02fc"
        + "00006553f125075bcd15 0000");

    /// <summary>eCPRI type 5 Request, measId 1, timestamp 1700000000.072671875, 22 dummy bytes, no VLAN.</summary>
    public static byte[] OneWayDelay => TestFrames.Hex(
        "00aabbccdd01001122334466 aefe 1005002a 01 00 00006553f1000454e283 0000000000000000"
        + "00000000000000000000000000000000000000000000");

    /// <summary>VLAN 2 PCP 7, eCPRI type 2 (C-plane ST3): eAxC 0x0004, seqId 9, E=1, subsequence 0.</summary>
    public static byte[] CPlaneSt3 => TestFrames.Hex(
        "00aabbccdd01001122334466 8100 e002 aefe 1002001c 0004 0980 110f3000 0103 0000cc0000 000030 000c fff1 0000fffc"
        + "100000000000000000000000");
}
