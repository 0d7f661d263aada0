namespace OranTestbed.Fronthaul.CPlane;

/// <summary>Values of one C-plane section for <c>CPlaneWriter</c>; ef is set by the writer when extensions follow.</summary>
public readonly record struct CPlaneSectionValues
{
    public int SectionId { get; init; }

    public bool Rb { get; init; }

    public bool SymInc { get; init; }

    public int StartPrbc { get; init; }

    /// <summary>numPrbc as sent (0 = all PRBs).</summary>
    public int NumPrbc { get; init; }

    public int ReMask { get; init; } = 0x0FFF;

    public int NumSymbol { get; init; } = 1;

    /// <summary>beamId (ST1, ST3).</summary>
    public int BeamId { get; init; }

    /// <summary>ueId (ST5, ST6).</summary>
    public int UeId { get; init; }

    /// <summary>Reserved bits: 15 after ef in ST0, the byte after freqOffset in ST3, 4 before rb in ST6.</summary>
    public int Reserved { get; init; }

    /// <summary>freqOffset (ST3), signed 24-bit.</summary>
    public int FreqOffset { get; init; }

    /// <summary>regularizationFactor (ST6), signed 16-bit.</summary>
    public int RegularizationFactor { get; init; }

    public CPlaneSectionValues()
    {
    }
}
