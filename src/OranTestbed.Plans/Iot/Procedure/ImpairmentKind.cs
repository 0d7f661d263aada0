namespace OranTestbed.Plans.Iot.Procedure;

/// <summary>What an <c>impair</c> step does to the setup.</summary>
public enum ImpairmentKind
{
    /// <summary><c>ptp-loss</c>: take the PTP grandmaster away (the O-RU should enter holdover).</summary>
    PtpLoss,

    /// <summary><c>shift-c-plane</c>: send C-plane messages earlier (negative offset) or later than their window.</summary>
    ShiftCPlane,

    /// <summary><c>shift-u-plane</c>: send DL U-plane messages earlier or later than their window.</summary>
    ShiftUPlane,

    /// <summary><c>link-down</c>: take the fronthaul link down.</summary>
    LinkDown,

    /// <summary><c>clear</c>: undo every impairment.</summary>
    Clear,
}
