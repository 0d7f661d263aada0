namespace OranTestbed.Results.Model;

/// <summary>
/// An upload the results server accepted and the state of its evidence verification (table verification_queue): its id
/// (what the uploader polls), the upload's SHA-256 and account, the vendor that account speaks for (null: not a vendor;
/// who may read the status), the receipt journaled when it was accepted (JSON: runs and executions), and when and how
/// the verification went. <see cref="Attempts"/> counts the times a worker took it.
/// </summary>
public sealed record UploadVerification(string UploadId, string Sha256, string Account, string? AccountVendor, VerificationStatus Status,
    string Receipt, DateTimeOffset AcceptedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempts, string? Reason)
{
    public bool IsFinal => Status is VerificationStatus.Verified or VerificationStatus.Flagged or VerificationStatus.Failed;

    public static string StatusName(VerificationStatus status) => status switch
    {
        VerificationStatus.Accepted => "accepted",
        VerificationStatus.Analysing => "analysing",
        VerificationStatus.Verified => "verified",
        VerificationStatus.Flagged => "flagged",
        _ => "failed",
    };

    public static VerificationStatus ParseStatus(string name) => name switch
    {
        "accepted" => VerificationStatus.Accepted,
        "analysing" => VerificationStatus.Analysing,
        "verified" => VerificationStatus.Verified,
        "flagged" => VerificationStatus.Flagged,
        "failed" => VerificationStatus.Failed,
        _ => throw new FormatException($"'{name}' is not a verification status"),
    };
}
