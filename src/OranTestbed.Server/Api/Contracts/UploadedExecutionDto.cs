namespace OranTestbed.Server.Api.Contracts;

/// <summary>One execution of an accepted upload: its claimed verdict, link and evidence check (null: not checked yet, or no
/// capture).</summary>
public sealed record UploadedExecutionDto(string RunId, string ExecutionId, string Verdict, string Href, EvidenceDto? Evidence);
