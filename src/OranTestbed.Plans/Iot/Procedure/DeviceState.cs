namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>States a <c>wait-for</c> step waits for.</summary>
public enum DeviceState
{
    /// <summary><c>sync-locked</c>: the O-RU's sync-state is LOCKED.</summary>
    SyncLocked,

    /// <summary><c>carrier-ready</c>: the O-RU sent its READY notification after carrier activation.</summary>
    CarrierReady,

    /// <summary><c>cell-on-air</c>: the O-DU reports the cell broadcasting (SSB/MIB as configured).</summary>
    CellOnAir,

    /// <summary><c>holdover</c>: the O-RU's sync-state is HOLDOVER.</summary>
    Holdover,
}
