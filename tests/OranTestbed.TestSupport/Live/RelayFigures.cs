namespace OranTestbed.TestSupport.Live;

/// <summary>What a <see cref="DelayRelay"/> forwarded in each direction (A to B, B to A).</summary>
public sealed record RelayFigures(RelayDirection AToB, RelayDirection BToA)
{
    /// <summary>Half the difference of the mean delays in the relay: the two-way time error the relay alone
    /// adds at B's end (A the master), its hold included.</summary>
    public double TwoWayShiftNs => (AToB.MeanNs - BToA.MeanNs) / 2.0;

    public override string ToString() => $"relay A->B {AToB}; B->A {BToA}";
}
