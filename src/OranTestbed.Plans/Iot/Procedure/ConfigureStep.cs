using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>
/// <c>configure</c>: set the O-DU and O-RU up for the execution's fronthaul profile, optionally with the case's own
/// U-plane compression (both directions), a transport delay added on the fronthaul link (delay-management cases) and a
/// PRACH format.
/// </summary>
public sealed record ConfigureStep(UPlaneCompression? Compression, TimeSpan? TransportDelay, string? PrachFormat) : ProcedureStep
{
    public static ConfigureStep Default { get; } = new(null, null, null);

    public override StepKind Kind => StepKind.Configure;
}
