using System.Collections.Immutable;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Analysis.OruConfig;

/// <summary>
/// One aspect of the O-RU's stated configuration compared with the capture: what the O-RU says, what the capture shows,
/// and the verdict: <see cref="Verdict.Pass"/> (every message or section compared agrees), <see cref="Verdict.Fail"/>
/// (<see cref="Mismatched"/> of <see cref="Compared"/> disagree; the finding of <see cref="Rule"/> names them) or
/// <see cref="Verdict.NotSet"/>: not evaluated, with <see cref="Reason"/> (nothing in the capture to compare: no PASS
/// without evidence).
/// </summary>
/// <param name="Name">The aspect: <c>compression DL</c>, <c>compression UL</c>, <c>eAxC ids</c>, <c>numerology</c>,
/// <c>PRB span</c>.</param>
/// <param name="Examples">Frame numbers of the first disagreements (ascending), as the finding has them.</param>
public sealed record OruConfigurationAspect(string Name, Rule Rule, string OruSays, string CaptureShows, Verdict Verdict,
    long Compared, long Mismatched, ImmutableArray<long> Examples, string? Reason = null)
{
    /// <summary>True when the capture had something to compare (the verdict is PASS or FAIL).</summary>
    public bool Evaluated => Verdict != Verdict.NotSet;

    /// <summary>PASS, FAIL or NOT_EVALUATED: the aspect's verdict in reports.</summary>
    public string VerdictName => Evaluated ? Verdict.ToWireName() : "NOT_EVALUATED";

    /// <summary>One line for a finding and a verdict reason: the aspect, what the capture shows, what the O-RU says.</summary>
    public string Detail => $"{Name}: the capture shows {CaptureShows}; the O-RU says {OruSays}";
}
