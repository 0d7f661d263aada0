namespace OranTestbed.Mplane.Oran;

/// <summary>How an O-DU brings an O-RU up: the supervision it asks for, how long carriers may take to change state, and
/// whether an O-RU that is not LOCKED to its sync source may be configured at all.</summary>
public sealed record OruBringUpOptions
{
    public TimeSpan SupervisionInterval { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan SupervisionGuard { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan CarrierTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the carrier state is read while waiting, for O-RUs that do not notify it.</summary>
    public TimeSpan CarrierPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>O-RAN: an O-RU that is not LOCKED must not radiate (mplane.md §4.3 step 7).</summary>
    public bool RequireSyncLocked { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
