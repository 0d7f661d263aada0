namespace OranTestbed.Results.Model;

/// <summary>Wire names (PASS, FAIL, INCONCLUSIVE, ABORTED, ERROR) and combination of <see cref="ResultVerdict"/>s.</summary>
public static class ResultVerdicts
{
    public static string ToWireName(this ResultVerdict verdict) => verdict switch
    {
        ResultVerdict.Pass => "PASS",
        ResultVerdict.Inconclusive => "INCONCLUSIVE",
        ResultVerdict.Fail => "FAIL",
        ResultVerdict.Aborted => "ABORTED",
        ResultVerdict.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };

    public static bool TryParse(string? wireName, out ResultVerdict verdict)
    {
        verdict = wireName switch
        {
            "PASS" => ResultVerdict.Pass,
            "INCONCLUSIVE" => ResultVerdict.Inconclusive,
            "FAIL" => ResultVerdict.Fail,
            "ABORTED" => ResultVerdict.Aborted,
            "ERROR" => ResultVerdict.Error,
            _ => 0,
        };
        return verdict != 0;
    }

    public static ResultVerdict Parse(string wireName) =>
        TryParse(wireName, out var verdict) ? verdict : throw new FormatException($"unknown verdict '{wireName}'");

    /// <summary>The more severe of two verdicts.</summary>
    public static ResultVerdict Combine(this ResultVerdict verdict, ResultVerdict other) => verdict >= other ? verdict : other;
}
