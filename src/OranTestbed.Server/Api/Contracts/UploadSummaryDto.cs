namespace OranTestbed.Server.Api.Contracts;

/// <summary>
/// An accepted upload (the answer to <c>POST /api/v1/results</c>: 201 when something was new, 200 when all of it was
/// stored before, a repeat naming the same upload; and to <c>GET /api/v1/uploads/{id}</c>): its id and status URL, its
/// verification <c>status</c> (accepted → analysing → verified | flagged | failed; <c>reason</c> says why it failed), the
/// upload's SHA-256 (of its document and archive), the runs, how many executions were stored and already there, and each
/// execution with its evidence check as far as the verification got (null: not checked yet, or no capture).
/// </summary>
public sealed record UploadSummaryDto(string Id, string Status, string Href, string UploadSha256, IReadOnlyList<string> Runs, int Stored,
    int AlreadyStored, IReadOnlyList<UploadedExecutionDto> Executions, string? Reason, DateTimeOffset AcceptedAt, DateTimeOffset? FinishedAt);
