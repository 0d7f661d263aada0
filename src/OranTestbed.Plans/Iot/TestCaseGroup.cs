namespace OranTestbed.Plans.Iot;

/// <summary>Test-case groups of O-RAN.WG4.IOT.0 clause 2.2, plus the CUS-plane feature groups of CONF.0 (CMP, BFM, ST3).</summary>
public enum TestCaseGroup
{
    /// <summary><c>m-plane</c>: start-up (hierarchical, hybrid), software management.</summary>
    MPlane,

    /// <summary><c>s-plane</c>: synchronisation, functional (startup, nominal, holdover) and performance.</summary>
    SPlane,

    /// <summary><c>cu-plane</c>: L3 C-plane setup and initial U-plane, DL and UL throughput.</summary>
    CuPlane,

    /// <summary><c>delay-management</c>: fronthaul latency within (and beyond) the supported windows.</summary>
    DelayManagement,

    /// <summary><c>compression</c>: U-plane IQ compression methods and widths.</summary>
    Compression,

    /// <summary><c>beamforming</c>: beam ids, weights, channel information.</summary>
    Beamforming,

    /// <summary><c>prach</c>: PRACH over section type 3.</summary>
    Prach,
}
