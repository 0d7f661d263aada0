namespace OranTestbed.Plans.Iot;

/// <summary>How an IOT profile beamforms (the profile name's NoBF, DBF, ABF, mMIMO-RTWeights, mMIMO-ChInfo).</summary>
public enum BeamformingMode
{
    /// <summary><c>none</c>: NoBF.</summary>
    None,

    /// <summary><c>digital</c>: DBF, predefined beams selected by beamId.</summary>
    Digital,

    /// <summary><c>analog</c>: ABF (FR2), predefined analog beams by beamId.</summary>
    Analog,

    /// <summary><c>rt-weights</c>: real-time weights in C-plane section extension 1 (Category B).</summary>
    RealTimeWeights,

    /// <summary><c>channel-info</c>: channel information in section type 6; the O-RU computes weights (Category B).</summary>
    ChannelInformation,
}
