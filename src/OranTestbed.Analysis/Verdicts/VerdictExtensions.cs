namespace OranTestbed.Analysis.Verdicts;

/// <summary>Combination and names of <see cref="Verdict"/>s.</summary>
public static class VerdictExtensions
{
    /// <summary>The more severe of two verdicts (OpenTAP's rule: combine with max).</summary>
    public static Verdict Combine(this Verdict verdict, Verdict other) => verdict >= other ? verdict : other;

    /// <summary>Upper-case wire name used in reports: PASS, FAIL, INCONCLUSIVE, ERROR, ABORTED, NOT_SET.</summary>
    public static string ToWireName(this Verdict verdict) => verdict switch
    {
        Verdict.NotSet => "NOT_SET",
        Verdict.Pass => "PASS",
        Verdict.Inconclusive => "INCONCLUSIVE",
        Verdict.Fail => "FAIL",
        Verdict.Aborted => "ABORTED",
        Verdict.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };
}
