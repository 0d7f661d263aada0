namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>
/// <c>m-plane</c>: a conformance check on the O-RU's M-plane (<see cref="MplaneCheck"/>); what it measures joins the
/// O-RU's counters for the case's metrics (<c>source: o-ru-counters</c>). Parameters by check: <c>rounds</c> and
/// <c>interval</c> (supervision, supervision-failure: interval only), <c>filter</c> (retrieval: a subtree path such as
/// <c>user-plane-configuration/low-level-rx-endpoints</c>), <c>eaxc: unique | duplicate</c> (configurability),
/// <c>account</c> (access-control: a name of the O-RU driver's <c>accounts</c>), <c>credentials: wrong</c> (handshake).
/// </summary>
public sealed record MplaneStep(MplaneCheck Check) : ProcedureStep
{
    public override StepKind Kind => StepKind.MPlane;

    public int? Rounds { get; init; }

    public TimeSpan? Interval { get; init; }

    public string? Filter { get; init; }

    public bool DuplicateEaxc { get; init; }

    public string? Account { get; init; }

    public bool WrongCredentials { get; init; }
}
