namespace OranTestbed.Emulation.Randomness;

/// <summary>
/// The independent random streams of one emulation. Each has its own generator seeded from (seed, stream), so adding
/// draws to one stream (a new defect, say) never shifts another's values.
/// </summary>
internal enum RandomStream : ulong
{
    DuTiming = 1,
    DuDefects = 2,
    RuTiming = 3,
    RuDefects = 4,
    DuIq = 5,
    RuIq = 6,
    /// <summary>Which precomputed IQ payload each O-DU symbol burst sends.</summary>
    DuIqVariants = 7,
    Ptp = 8,

    /// <summary>Which precomputed IQ payload each O-RU symbol burst sends.</summary>
    RuIqVariants = 9,
}
