namespace OranTestbed.Emulation.Scheduling;

/// <summary>What a scheduled burst sends.</summary>
internal enum BurstKind : byte
{
    /// <summary>One DL C-plane message, section type 1.</summary>
    DlCPlane,

    /// <summary>One UL C-plane message, section type 1.</summary>
    UlCPlane,

    /// <summary>One UL C-plane message, section type 3 (PRACH).</summary>
    PrachCPlane,

    /// <summary>The U-plane messages of one symbol of one eAxC (one per PRB fragment).</summary>
    UPlane,
}
