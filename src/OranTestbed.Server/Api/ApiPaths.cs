namespace OranTestbed.Server.Api;

/// <summary>The API's URLs (links in answers; ids are escaped).</summary>
public static class ApiPaths
{
    public const string Root = "/api/v1";

    public static string Run(string runId) => $"{Root}/runs/{Uri.EscapeDataString(runId)}";

    public static string Execution(string runId, string executionId) =>
        $"{Root}/executions/{Uri.EscapeDataString(runId)}/{Uri.EscapeDataString(executionId)}";

    public static string Artifact(string sha256) => $"{Root}/artifacts/{sha256}";

    public static string Upload(string uploadId) => $"{Root}/uploads/{Uri.EscapeDataString(uploadId)}";

    public static string OranResults(string runId) => $"{Root}/results/{Uri.EscapeDataString(runId)}";
}
