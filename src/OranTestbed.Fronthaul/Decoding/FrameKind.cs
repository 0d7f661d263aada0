namespace OranTestbed.Fronthaul.Decoding;

/// <summary>What <see cref="FrameDecoder"/> found in a frame.</summary>
public enum FrameKind : byte
{
    /// <summary>Not fronthaul (ARP, IP traffic on other ports...): not an error.</summary>
    Other = 0,
    Ecpri,
    Ptp,

    /// <summary>An IP fragment: reported, not reassembled.</summary>
    IpFragment,
}
