namespace OranTestbed.Results.Store;

/// <summary>A verification_queue row joined with its upload and account, as Dapper reads it (see Rows.cs).</summary>
#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class UploadVerificationRow
{
    public string UploadId { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string Account { get; set; } = "";
    public string? AccountVendor { get; set; }
    public string Status { get; set; } = "";
    public string Receipt { get; set; } = "";
    public string AcceptedAt { get; set; } = "";
    public string? StartedAt { get; set; }
    public string? FinishedAt { get; set; }
    public long Attempts { get; set; }
    public string? Reason { get; set; }
}
#pragma warning restore CA1812
