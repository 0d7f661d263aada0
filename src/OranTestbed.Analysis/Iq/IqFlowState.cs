namespace OranTestbed.Analysis.Iq;

/// <summary>Running IQ totals of one eAxC and direction; allocated on first sight, then updated in place.</summary>
internal sealed class IqFlowState(ushort eaxc, bool downlink)
{
    public ushort Eaxc { get; } = eaxc;

    public bool Downlink { get; } = downlink;

    /// <summary>Complex samples (I/Q pairs).</summary>
    public long Samples { get; set; }

    /// <summary>Σ (I² + Q²) on the 16-bit scale.</summary>
    public double SumPower { get; set; }

    /// <summary>Largest |I| or |Q| seen (32768 for −32768).</summary>
    public int Peak { get; set; }

    /// <summary>Complex samples with |I| or |Q| at or beyond the symmetric full scale (<see cref="IqStatistics.ClippingLevel"/>).</summary>
    public long Clipped { get; set; }

    /// <summary>Frame of the first clipped sample, 0 when none.</summary>
    public long FirstClippedFrame { get; set; }

    /// <summary>Sections not counted because their samples are not linear (modulation compression).</summary>
    public long SkippedSections { get; set; }
}
