namespace OranTestbed.Results.Audit;

/// <summary>The actions the audit log names.</summary>
public static class AuditActions
{
    public const string Upload = "upload";
    public const string ReadUpload = "read-upload";
    public const string ReadRuns = "read-runs";
    public const string ReadRun = "read-run";
    public const string ReadExecutions = "read-executions";
    public const string ReadExecution = "read-execution";
    public const string Export = "export";
    public const string ArtifactDownload = "artifact-download";
    public const string DashboardPage = "dashboard-page";
    public const string ReadAccounts = "read-accounts";
    public const string AccountCreate = "account-create";
    public const string AccountRotate = "account-rotate";
    public const string AccountRevoke = "account-revoke";
    public const string ReadAudit = "read-audit";
    public const string Login = "login";

    /// <summary>Any other API read (an endpoint added after this list).</summary>
    public const string Read = "read";

    public static readonly IReadOnlyList<string> All =
    [
        Upload, ReadUpload, ReadRuns, ReadRun, ReadExecutions, ReadExecution, Export, ArtifactDownload, DashboardPage,
        ReadAccounts, AccountCreate, AccountRotate, AccountRevoke, ReadAudit, Login, Read,
    ];
}
