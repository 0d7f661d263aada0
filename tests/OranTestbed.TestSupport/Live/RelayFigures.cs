namespace OranTestbed.TestSupport.Live;

/// <summary>What a <see cref="DelayRelay"/> forwarded in each direction (A to B, B to A).</summary>
public sealed record RelayFigures(RelayDirection AToB, RelayDirection BToA)
{
    /// <summary>Half the difference of the PTP event messages' mean delays in the relay (Sync A to B, Delay_Req B to
    /// A): the two-way time error the relay alone adds at B's end with the master at A, its hold included.</summary>
    public double TwoWayShiftNs => (AToB.PtpEventMeanNs - BToA.PtpEventMeanNs) / 2.0;

    public override string ToString() => $"relay A->B {AToB}; B->A {BToA}";
}
