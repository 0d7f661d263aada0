using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api;
using OranTestbed.Server.Api.Contracts;

namespace OranTestbed.Server.Uploads;

/// <summary>An upload as the API shows it (the answer to the upload and to <c>GET /api/v1/uploads/{id}</c>): its receipt
/// with its verification status and each execution's evidence check as stored now.</summary>
internal static class UploadAnswer
{
    public static async Task<UploadSummaryDto> ReadAsync(ResultsStore store, UploadVerification upload, CancellationToken cancellationToken)
    {
        var receipt = UploadReceipt.Parse(upload.Receipt);
        var checks = new Dictionary<(string, string), EvidenceCheck>();
        foreach (string runId in receipt.Executions.Select(e => e.RunId).Distinct(StringComparer.Ordinal))
        {
            foreach (var (key, check) in await store.ListEvidenceChecksAsync(new ExecutionFilter { RunId = runId }, cancellationToken)
                         .ConfigureAwait(false))
            {
                checks[key] = check;
            }
        }

        return new UploadSummaryDto(upload.UploadId, UploadVerification.StatusName(upload.Status), ApiPaths.Upload(upload.UploadId),
            receipt.UploadSha256, receipt.Runs, receipt.Stored, receipt.AlreadyStored,
            [.. receipt.Executions.Select(e => e with { Evidence = EvidenceDto.Of(checks.GetValueOrDefault((e.RunId, e.ExecutionId))) })],
            upload.Reason, upload.AcceptedAt, upload.FinishedAt);
    }
}
