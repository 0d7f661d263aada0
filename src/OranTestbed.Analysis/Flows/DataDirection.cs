namespace OranTestbed.Analysis.Flows;

/// <summary>dataDirection of the C-plane and U-plane common header (O-RAN.WG4.CUS §6.3.3.1, §7.5.2.1); values are the wire bit.</summary>
public enum DataDirection : byte
{
    /// <summary>gNB receive.</summary>
    Uplink = 0,

    /// <summary>gNB transmit.</summary>
    Downlink = 1,
}
