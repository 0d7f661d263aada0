namespace OranTestbed.Results.Store;

// Rows as Dapper reads them (columns aliased to these names; PostgreSQL folds them to lower case, Dapper matches
// without case). Integers are 64-bit in both databases.
#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class RunRow
{
    public string RunId { get; set; } = "";
    public string CampaignId { get; set; } = "";
    public string? CampaignDescription { get; set; }
    public string PlanHash { get; set; } = "";
    public string Origin { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string? FinishedAt { get; set; }
    public long Aborted { get; set; }
    public string? OranExtras { get; set; }
}

internal sealed class VerdictCountRow
{
    public string RunId { get; set; } = "";
    public string Verdict { get; set; } = "";
    public long Count { get; set; }
}

internal sealed class KeyRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
}

internal sealed class StoredExecutionRow
{
    public string ContentHash { get; set; } = "";
    public string Verdict { get; set; } = "";
}

internal sealed class ExecutionRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string Band { get; set; } = "";
    public string OperatorProfile { get; set; } = "";
    public string IotProfile { get; set; } = "";
    public string IotSpecification { get; set; } = "";
    public string IotSpecVersion { get; set; } = "";
    public string FronthaulProfile { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string CaseName { get; set; } = "";
    public string CaseStatus { get; set; } = "";
    public string CaseReference { get; set; } = "";
    public long Repetition { get; set; }
    public string Verdict { get; set; } = "";
    public long Attempts { get; set; }
    public long Flaky { get; set; }
    public string Bench { get; set; } = "";
    public long DurationTicks { get; set; }
    public string? StartedAt { get; set; }
    public string RecordedAt { get; set; } = "";
    public string ContentHash { get; set; } = "";
}

internal sealed class ProductRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string Role { get; set; } = "";
    public string ProductId { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string Model { get; set; } = "";
    public string Hardware { get; set; } = "";
    public string Software { get; set; } = "";
    public string Firmware { get; set; } = "";
}

internal sealed class ReasonRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public long Position { get; set; }
    public string Reason { get; set; } = "";
}

internal sealed class MetricRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public long Position { get; set; }
    public string MetricId { get; set; } = "";
    public string Source { get; set; } = "";
    public string Unit { get; set; } = "";
    public string? Measured { get; set; }
    public string Threshold { get; set; } = "";
    public string Verdict { get; set; } = "";
    public string? Note { get; set; }
}

internal sealed class MeasurementRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public long Position { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public string ValuesJson { get; set; } = "";
    public string? Description { get; set; }
}

internal sealed class ArtifactRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public long Position { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
}
#pragma warning restore CA1812

#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class AccountRow
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string? VendorId { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? RevokedAt { get; set; }

    // The account's current token's expiry (lists), or the presented token's expiry and grace end (token checks).
    public string? TokenExpiresAt { get; set; }
    public string? ExpiresAt { get; set; }
    public string? RetiresAt { get; set; }
}

internal sealed class EvidenceCheckRow
{
    public string RunId { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string Status { get; set; } = "";
    public string Claimed { get; set; } = "";
    public string? Analyzed { get; set; }
    public string FronthaulProfile { get; set; } = "";
    public string Captures { get; set; } = "";
    public string Reason { get; set; } = "";
    public string CheckedAt { get; set; } = "";
}
#pragma warning restore CA1812

#pragma warning disable CA1812 // instantiated by Dapper
internal sealed class AuditRow
{
    public string Id { get; set; } = "";
    public string At { get; set; } = "";
    public string? Account { get; set; }
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public long Outcome { get; set; }
}
#pragma warning restore CA1812
