namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// Reads back the wire names <see cref="VerdictExtensions.ToWireName"/> writes (PASS, INCONCLUSIVE, FAIL, ABORTED,
/// ERROR): the names reports, the results store and uploaded documents use. NOT_SET names no outcome and is not read.
/// </summary>
public static class VerdictNames
{
    /// <summary>True with the verdict <paramref name="wireName"/> names (exact, upper case); false otherwise and for NOT_SET.</summary>
    public static bool TryParse(string? wireName, out Verdict verdict)
    {
        verdict = wireName switch
        {
            "PASS" => Verdict.Pass,
            "INCONCLUSIVE" => Verdict.Inconclusive,
            "FAIL" => Verdict.Fail,
            "ABORTED" => Verdict.Aborted,
            "ERROR" => Verdict.Error,
            _ => Verdict.NotSet,
        };
        return verdict != Verdict.NotSet;
    }

    /// <summary>The verdict <paramref name="wireName"/> names; <see cref="FormatException"/> for anything else, NOT_SET included.</summary>
    public static Verdict Parse(string wireName) =>
        TryParse(wireName, out var verdict) ? verdict : throw new FormatException($"unknown verdict '{wireName}'");

    /// <summary>The verdicts an execution or metric can end with: every value but <see cref="Verdict.NotSet"/>, by severity.</summary>
    public static IReadOnlyList<Verdict> Outcomes { get; } =
        [Verdict.Pass, Verdict.Inconclusive, Verdict.Fail, Verdict.Aborted, Verdict.Error];

    /// <summary>True for a verdict an execution or metric can end with (not <see cref="Verdict.NotSet"/>, not an undefined value).</summary>
    public static bool IsOutcome(this Verdict verdict) =>
        verdict is Verdict.Pass or Verdict.Inconclusive or Verdict.Fail or Verdict.Aborted or Verdict.Error;
}
