namespace OranTestbed.Results.Readiness;

/// <summary>The names tables, JSON and the dashboard print for a <see cref="ReadinessState"/>.</summary>
public static class ReadinessStates
{
    public static string Name(ReadinessState state) => state switch
    {
        ReadinessState.Ready => "READY",
        ReadinessState.NotReady => "NOT READY",
        ReadinessState.NotTested => "NOT TESTED",
        _ => "INCOMPATIBLE",
    };

    /// <summary>The CSS class of a state; the matrix colours: ready green, not ready red, not tested grey.</summary>
    public static string CssClass(ReadinessState state) => state switch
    {
        ReadinessState.Ready => "pass",
        ReadinessState.NotReady => "fail",
        ReadinessState.NotTested => "not-run",
        _ => "incompatible",
    };
}
