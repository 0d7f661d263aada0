namespace OranTestbed.Results.Readiness;

/// <summary>Whether an operator can deploy a combination for one of its needs in one band, by the stored results.</summary>
public enum ReadinessState
{
    /// <summary>Every case of the need has a latest result that passed, and the need's thresholds hold on its metrics.</summary>
    Ready,

    /// <summary>A case of the need did not pass, or passed outside the need's thresholds (the findings say which).</summary>
    NotReady,

    /// <summary>Some case of the need has no result yet (and none failed).</summary>
    NotTested,

    /// <summary>The expansion excludes the combination, or a case of the need on it, in the band (with the reason).</summary>
    Incompatible,
}
