namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// The outcome of a test step, ordered by severity as in OpenTAP so that verdicts combine with max
/// (<see cref="VerdictExtensions.Combine"/>): a run is as bad as its worst step.
/// </summary>
public enum Verdict
{
    /// <summary>Nothing was judged yet.</summary>
    NotSet = 0,

    Pass = 10,

    /// <summary>The evidence is not enough to pass or fail (no fronthaul traffic, capture drops...).</summary>
    Inconclusive = 20,

    Fail = 30,

    /// <summary>The run was stopped before it finished.</summary>
    Aborted = 40,

    /// <summary>The test itself broke (tool, input or infrastructure error).</summary>
    Error = 50,
}
