namespace OranTestbed.Fronthaul.CPlane;

/// <summary>C-plane section types this reader decodes, O-RAN.WG4.CUS Table 7.3.1-1 (§7.4).</summary>
public enum CPlaneSectionType : byte
{
    /// <summary>Unused resource blocks or symbols (§7.4.2).</summary>
    UnusedResourceBlocks = 0,

    /// <summary>Most DL/UL radio channels (§7.4.3).</summary>
    Normal = 1,

    /// <summary>PRACH and mixed-numerology channels (§7.4.4).</summary>
    Prach = 3,

    /// <summary>UE scheduling information, ueId-based beamforming (§7.4.5).</summary>
    UeScheduling = 5,

    /// <summary>Channel information (§7.4.6).</summary>
    ChannelInformation = 6,

    /// <summary>LAA (§7.4.7).</summary>
    Laa = 7,
}
