namespace OranTestbed.Plans.Personalities;

/// <summary>The fronthaul node a personality emulates (O-RAN.WG4.CUS §4: lower-layer split 7.2x).</summary>
public enum NodeRole
{
    /// <summary>O-DU: sends C-plane and DL U-plane, receives UL U-plane; the LLS-C1 PTP grandmaster here.</summary>
    Du,

    /// <summary>O-RU: receives C-plane and DL U-plane, answers UL C-plane with UL U-plane.</summary>
    Ru,
}
