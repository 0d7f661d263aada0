namespace OranTestbed.Emulation.Scheduling;

/// <summary>Defects a burst carries (decided when it was scheduled) and its direction.</summary>
[Flags]
internal enum BurstFlags : byte
{
    None = 0,
    Downlink = 1,

    /// <summary>Sent past the window's late edge (late-bursts).</summary>
    Late = 2,

    /// <summary>Compressed with the wrong method or width, declared in udCompHdr (wrong-ud-comp-hdr).</summary>
    WrongCompression = 4,

    /// <summary>Carries a section past the carrier (prbs-beyond-carrier).</summary>
    BeyondCarrier = 8,

    /// <summary>DL U-plane whose C-plane was withheld (missing-c-plane).</summary>
    Orphan = 16,

    /// <summary>UL C-plane on an eAxC composed with the wrong split, which the peer does not recognise.</summary>
    Unrecognised = 32,

    /// <summary>PRACH U-plane (filterIndex ≠ 0).</summary>
    Prach = 64,
}
