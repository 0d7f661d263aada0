namespace OranTestbed.Results.Matrices;

/// <summary>What a matrix cell says about an O-DU × O-RU combination.</summary>
public enum MatrixState
{
    /// <summary>Every latest result passed (flaky passes included, and marked).</summary>
    Pass,

    /// <summary>At least one latest result failed.</summary>
    Fail,

    /// <summary>No failure, but some latest result could not decide (INCONCLUSIVE, or ERROR of the test itself).</summary>
    Inconclusive,

    /// <summary>Planned but without a finished result.</summary>
    NotRun,

    /// <summary>The expansion excluded the pair (with the reason).</summary>
    Incompatible,
}
