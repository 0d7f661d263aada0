namespace OranTestbed.Emulation.Mplane;

/// <summary>The read-only <c>state</c> of a tx/rx-array-carrier (o-ran-uplane-conf): DISABLED, BUSY while it activates, READY.</summary>
public enum CarrierState
{
    Disabled,
    Busy,
    Ready,
}
