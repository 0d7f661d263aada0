using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// The two-way time error of one PTP master port at the capture tap (issue 17): TE = (forward − reverse)/2, the tap
/// clock minus the master's clock plus half the path asymmetry (forward delay − reverse delay)/2, which no two-way
/// measurement can tell from an offset; mean path delay = (forward + reverse)/2. Metrics per ITU-T G.8260 Appendix I
/// over the TE sequence resampled every <see cref="SampleIntervalSeconds"/>; MTIE/TDEV of the unfiltered TE and of
/// dTE_L (0.1 Hz low-pass, G.8273.2), which the masks judge. When <see cref="Evaluated"/> is false every figure is null
/// and <see cref="Reason"/> says why.
/// </summary>
public sealed record TimeErrorReport
{
    public const string AsymmetryNote =
        "two-way TE = tap clock − master clock + (forward path delay − reverse path delay)/2: a path asymmetry shows as half its value and cannot be told from an offset";

    public static TimeErrorReport NotMaster { get; } = new()
    {
        Evaluated = false,
        IsMaster = false,
        Reason = "this port sent no Sync: not a PTP master",
    };

    /// <summary>False for a port that sent no Sync (a slave): nothing to evaluate, nothing to judge.</summary>
    public bool IsMaster { get; init; } = true;

    public required bool Evaluated { get; init; }

    public string? Reason { get; init; }

    /// <summary>Two-way pairs: reverse samples (Delay_Req + Delay_Resp) each with its nearest forward (Sync) sample.</summary>
    public int Pairs { get; init; }

    public int ForwardSamples { get; init; }

    public int ReverseSamples { get; init; }

    /// <summary>Reverse samples without a forward sample within the pairing gap.</summary>
    public int UnpairedReverse { get; init; }

    public long SyncsWithoutFollowUp { get; init; }

    public long FollowUpsWithoutSync { get; init; }

    public long DelayRespWithoutRequest { get; init; }

    public long Duplicates { get; init; }

    /// <summary>Samples more than ±39 h from the capture clock (not kept).</summary>
    public long OutOfRange { get; init; }

    /// <summary>How the capture clock was placed on the PTP time scale: <c>tai</c> (as is) or <c>utc</c> (+ currentUtcOffset).</summary>
    public string? CaptureTimeScale { get; init; }

    /// <summary>currentUtcOffset of the master's Announce (s), null without Announce.</summary>
    public int? UtcOffsetSeconds { get; init; }

    public double? TwoWayMeanNs { get; init; }

    public double? MaxAbsTwoWayNs { get; init; }

    public double? MinTwoWayNs { get; init; }

    public double? MaxTwoWayNs { get; init; }

    public double? MeanPathDelayNs { get; init; }

    /// <summary>cTE: the moving average (window <see cref="CteWindowSeconds"/>) of largest magnitude.</summary>
    public double? CteNs { get; init; }

    public double? CteWindowSeconds { get; init; }

    /// <summary>max|TE_L|: the largest magnitude of the 0.1 Hz low-pass filtered TE.</summary>
    public double? MaxAbsLowPassNs { get; init; }

    /// <summary>τ0 of the resampled TE sequence (the Sync interval).</summary>
    public double? SampleIntervalSeconds { get; init; }

    /// <summary>First to last pair, seconds.</summary>
    public double? ObservationSeconds { get; init; }

    public ImmutableArray<TimeErrorPoint> Mtie { get; init; } = [];

    public ImmutableArray<TimeErrorPoint> Tdev { get; init; } = [];

    public ImmutableArray<TimeErrorPoint> DteMtie { get; init; } = [];

    public ImmutableArray<TimeErrorPoint> DteTdev { get; init; } = [];

    /// <summary>Intervals longer than the observation (MTIE) or a third of it (TDEV): not evaluated.</summary>
    public ImmutableArray<double> MtieNotEvaluated { get; init; } = [];

    public ImmutableArray<double> TdevNotEvaluated { get; init; } = [];

    /// <summary>Floor packet percentage of the forward/reverse one-way delays (G.8260 I.5; W, δ below).</summary>
    public double? FppForwardPercent { get; init; }

    public double? FppReversePercent { get; init; }

    public double FppWindowSeconds { get; init; } = TimeErrorAnalysis.FppWindowSeconds;

    public double FppClusterRangeNs { get; init; } = TimeErrorAnalysis.FppClusterRangeNs;

    /// <summary>The TE-over-time series (capture time ns, two-way TE ns), decimated for plots to at most 1000 points.</summary>
    public ImmutableArray<(long TimeNs, double TeNs)> Series { get; init; } = [];

    /// <summary>The limits judged (null: reported, not judged).</summary>
    public TimeErrorLimits? Limits { get; init; }

    public ImmutableArray<TimeErrorCheck> Checks { get; init; } = [];

    public TimeErrorMaskResult? MtieMask { get; init; }

    public TimeErrorMaskResult? TdevMask { get; init; }

    /// <summary>The frame of the worst two-way pair (the Delay_Resp completing it), for findings.</summary>
    public long WorstFrame { get; init; }

    public long LastFrame { get; init; }
}
