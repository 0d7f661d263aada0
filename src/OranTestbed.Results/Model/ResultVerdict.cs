namespace OranTestbed.Results.Model;

/// <summary>
/// The verdict of a stored execution or metric. Same values and wire names as the analyzer's verdict (OpenTAP order,
/// combined with max) so that a recorder converts by a cast; the store does not depend on the analyzer.
/// </summary>
public enum ResultVerdict
{
    Pass = 10,

    /// <summary>The evidence was not enough to pass or fail.</summary>
    Inconclusive = 20,

    Fail = 30,

    /// <summary>The run was stopped before the execution finished.</summary>
    Aborted = 40,

    /// <summary>The test itself broke (tool, input or infrastructure error).</summary>
    Error = 50,
}
