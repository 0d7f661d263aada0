namespace OranTestbed.Results.Model;

/// <summary>Where an upload's evidence verification stands (names: <c>accepted</c>, <c>analysing</c>, <c>verified</c>,
/// <c>flagged</c>, <c>failed</c>); the last three are final.</summary>
public enum VerificationStatus
{
    /// <summary>Stored and queued; no worker has taken it yet.</summary>
    Accepted,

    /// <summary>A worker is re-analysing its captures.</summary>
    Analysing,

    /// <summary>Done: no execution of the upload is flagged (each check is supported or unchecked, or there was no capture).</summary>
    Verified,

    /// <summary>Done: the evidence of at least one execution does not support its claimed verdict.</summary>
    Flagged,

    /// <summary>Done without a judgement: the server could not analyse the upload (the reason says why).</summary>
    Failed,
}
