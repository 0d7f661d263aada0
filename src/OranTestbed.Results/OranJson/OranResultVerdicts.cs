using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.OranJson;

/// <summary>
/// Our verdicts onto the schema's PASS / FAIL / WARN / SKIP. Test case: PASS → PASS (a flaky PASS → WARN: "behaviour
/// that might cause concern"), FAIL → FAIL, INCONCLUSIVE → WARN, ABORTED and ERROR → SKIP ("not executed"). Metric: PASS,
/// FAIL, else SKIP ("not evaluated"; WARN is not for metrics). Overall: FAIL if any FAIL, else WARN if any not PASS.
/// The note keeps our verdict; a document without it imports WARN as INCONCLUSIVE and SKIP as ABORTED.
/// </summary>
internal static class OranResultVerdicts
{
    public static string OfCase(Verdict verdict, bool flaky) => verdict switch
    {
        Verdict.Pass => flaky ? "WARN" : "PASS",
        Verdict.Fail => "FAIL",
        Verdict.Inconclusive => "WARN",
        _ => "SKIP",
    };

    public static string OfMetric(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Fail => "FAIL",
        _ => "SKIP",
    };

    public static string Overall(IEnumerable<string> caseResults)
    {
        var all = caseResults.ToList();
        return all.Contains("FAIL") ? "FAIL" : all.All(r => r == "PASS") ? "PASS" : "WARN";
    }

    public static Verdict FromOran(string result) => result switch
    {
        "PASS" => Verdict.Pass,
        "FAIL" => Verdict.Fail,
        "WARN" => Verdict.Inconclusive,
        _ => Verdict.Aborted,
    };

    /// <summary>Our case status names (plans) onto the schema's.</summary>
    public static string StatusToOran(string status) => status switch
    {
        "conditionally-mandatory" => "conditionally.mandatory",
        "optional" => "optional",
        _ => "mandatory",
    };

    public static string StatusFromOran(string status) => status == "conditionally.mandatory" ? "conditionally-mandatory" : status;
}
