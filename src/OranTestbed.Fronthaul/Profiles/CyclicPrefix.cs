namespace OranTestbed.Fronthaul.Profiles;

/// <summary>Cyclic prefix of the carrier (3GPP TS 38.211 §4.2): extended CP exists only for µ = 2 (60 kHz).</summary>
public enum CyclicPrefix
{
    /// <summary>14 symbols per slot.</summary>
    Normal,

    /// <summary>12 symbols per slot; µ = 2 only.</summary>
    Extended,
}
