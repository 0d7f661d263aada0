namespace OranTestbed.Fronthaul.Transport;

/// <summary>What a frame carries, as far as the fronthaul is concerned.</summary>
public enum FronthaulTransportKind : byte
{
    /// <summary>Not fronthaul (ARP, LLDP, other IP traffic ...): ignored, not an error.</summary>
    Other = 0,

    /// <summary>An eCPRI PDU: EtherType 0xAEFE, or UDP to or from the configured eCPRI port.</summary>
    Ecpri,

    /// <summary>A PTP message: EtherType 0x88F7, or UDP port 319 / 320.</summary>
    Ptp,

    /// <summary>An IP fragment: the upper layer cannot be classified without reassembly, which we do not do.</summary>
    IpFragment,
}
