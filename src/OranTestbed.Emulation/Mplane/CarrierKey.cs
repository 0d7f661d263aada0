namespace OranTestbed.Emulation.Mplane;

/// <summary>A carrier of the O-RU: a tx-array-carrier (<see cref="Transmit"/>) or rx-array-carrier, by name.</summary>
public readonly record struct CarrierKey(bool Transmit, string Name)
{
    /// <summary>The list it is an entry of: <c>tx-array-carriers</c> or <c>rx-array-carriers</c>.</summary>
    public string ListName => Transmit ? "tx-array-carriers" : "rx-array-carriers";

    public override string ToString() => $"{ListName}[{Name}]";
}
