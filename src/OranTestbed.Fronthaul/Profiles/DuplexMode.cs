namespace OranTestbed.Fronthaul.Profiles;

/// <summary>Duplexing of the carrier.</summary>
public enum DuplexMode
{
    /// <summary>Time division: a repeating slot pattern (<see cref="TddPattern"/>).</summary>
    Tdd,

    /// <summary>Frequency division: every slot carries both directions.</summary>
    Fdd,
}
