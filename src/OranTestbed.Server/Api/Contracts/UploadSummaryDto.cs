namespace OranTestbed.Server.Api.Contracts;

/// <summary>
/// The answer to an accepted upload (201 when something was new, 200 when all of it was stored before; a repeated
/// upload gets the first answer again): the upload's SHA-256 (of its document and archive), the runs, how many
/// executions were stored and already there, and each execution with its evidence check.
/// </summary>
public sealed record UploadSummaryDto(string UploadSha256, IReadOnlyList<string> Runs, int Stored, int AlreadyStored,
    IReadOnlyList<UploadedExecutionDto> Executions);
