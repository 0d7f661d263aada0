using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans;
using OranTestbed.Results.Model;
using OranTestbed.Results.OranJson;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api;
using OranTestbed.Server.Api.Contracts;
using OranTestbed.Server.Auth;
using OranTestbed.Server.Verification;

namespace OranTestbed.Server.Uploads;

/// <summary>
/// <c>POST /api/v1/results</c> from body to store, every check before anything is stored: read (size limits) → same
/// bytes uploaded before by this account? answer with that upload → JSON well-formed (400 with line and byte) → archive unpacked
/// safely (<see cref="ArchiveExtractor"/>) → document valid against the O-RAN schema and complete (422 with JSON
/// pointers) → every product in the lab plan with its role and vendor (422) → a vendor only for combinations with one
/// of its products, and only citing stored evidence it may see (403) → stored in one transaction (409 on a conflicting
/// earlier result) → journaled with its verification queued, in one transaction, and answered <c>accepted</c>: the
/// <see cref="VerificationWorker"/> re-analyses the captures afterwards, off the request path.
/// </summary>
internal sealed partial class UploadProcessor(ServerOptions options, ResultsStore store, TestPlan plan, VerificationDoorbell doorbell,
    ILogger<UploadProcessor> logger) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(Math.Max(1, options.MaxConcurrentUploads));

    public async Task<(UploadSummaryDto Summary, bool Created)> ProcessAsync(HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        string work = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "otb-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var upload = await UploadReceiver.ReadAsync(request, options, work, cancellationToken).ConfigureAwait(false);
            await _turns.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await CheckAndStoreAsync(upload, work, caller, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _turns.Release();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // a file still open; the temporary folder is cleaned by the system
            }
        }
    }

    public void Dispose() => _turns.Dispose();

    private async Task<(UploadSummaryDto Summary, bool Created)> CheckAndStoreAsync(ReceivedUpload upload, string work, Caller caller,
        CancellationToken cancellationToken)
    {
        if (await store.FindUploadAsync(upload.Sha256, caller.Name, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return (await UploadAnswer.ReadAsync(store, earlier, cancellationToken).ConfigureAwait(false), false);
        }

        RefuseMalformedJson(upload.Json);
        string? archiveRoot = null;
        if (upload.ArchivePath is { } archive)
        {
            archiveRoot = Path.Combine(work, "archive");
            ArchiveExtractor.Extract(archive, archiveRoot, options);
        }

        PreparedImport prepared;
        try
        {
            prepared = OranResultsImporter.Prepare(store, upload.Json, archiveRoot);
        }
        catch (ResultsImportException e)
        {
            throw ApiProblems.Unprocessable("invalid-results",
                $"the O-RAN results document is refused ({e.Errors.Length} error(s)); nothing was stored", Errors(e));
        }

        RefuseUnknownProducts(prepared);
        await RefuseOutOfScopeAsync(prepared, caller, archiveRoot is not null, cancellationToken).ConfigureAwait(false);
        ImportSummary imported;
        try
        {
            imported = await OranResultsImporter.CommitAsync(store, prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (ResultsImportException e)
        {
            throw new ApiProblemException(409, "conflict", "Conflicts with stored results",
                "a different result is stored for the same run and execution (results are evidence: never overwritten); nothing was stored",
                Errors(e));
        }
        catch (ArgumentException e)
        {
            throw ApiProblems.Unprocessable("invalid-results", "the results cannot be stored: " + e.Message);
        }

        var receipt = new UploadReceipt(upload.Sha256, imported.RunIds, imported.Stored, imported.AlreadyStored,
            [.. prepared.Executions.Select(e => e.Result).Select(r => new UploadedExecutionDto(r.RunId, r.ExecutionId,
                r.Outcome.Verdict.ToWireName(), ApiPaths.Execution(r.RunId, r.ExecutionId), null))]);
        // The results are stored: journal and queue them even if the uploader hangs up now, or they would wait unverified
        // until the same bytes came again.
        var accepted = await store.AcceptUploadAsync(upload.Sha256, caller.Name, receipt.ToJson(), CancellationToken.None).ConfigureAwait(false);
        LogAccepted(logger, accepted.UploadId, caller.Name, upload.Sha256, imported.Stored, imported.AlreadyStored);
        var answer = await UploadAnswer.ReadAsync(store, accepted, CancellationToken.None).ConfigureAwait(false);
        doorbell.Ring(); // after the answer is read, so it says what was accepted, untouched by the verification
        return (answer, imported.Stored > 0);
    }

    private static void RefuseMalformedJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw ApiProblems.BadRequest("malformed-json",
                $"the results document is not well-formed JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}",
                [ProblemError.At(e.Path is { Length: > 1 } path ? ToPointer(path) : "", e.Message)]);
        }
    }

    /// <summary>Every product must be one of the lab's, in its role and with its vendor; a combination needs an O-DU and an O-RU.</summary>
    private void RefuseUnknownProducts(PreparedImport prepared)
    {
        var errors = ImmutableArray.CreateBuilder<ProblemError>();
        foreach (var (result, location) in prepared.Executions)
        {
            var products = result.Subject.Products;
            if (products.All(p => p.Role != "o-du") || products.All(p => p.Role != "o-ru"))
            {
                errors.Add(ProblemError.At(location, $"execution {result.ExecutionId} does not name both an O-DU and an O-RU"));
            }

            foreach (var p in products)
            {
                var known = plan.Lab.FindProduct(p.Id);
                if (known is null)
                {
                    errors.Add(ProblemError.At(location, $"product '{p.Id}' is not in the lab plan of this server"));
                }
                else if (PlanNames.Of(known.Role) != p.Role || known.VendorId != p.Vendor)
                {
                    errors.Add(ProblemError.At(location,
                        $"product '{p.Id}' is the lab's {PlanNames.Of(known.Role)} of vendor '{known.VendorId}', not a {p.Role} of '{p.Vendor}'"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ApiProblems.Unprocessable("unknown-product", "the document names products this lab does not have; nothing was stored",
                errors.ToImmutable());
        }
    }

    /// <summary>A vendor uploads only combinations that include one of its products, and may cite stored evidence (no
    /// archive) only when it could download it.</summary>
    private async Task RefuseOutOfScopeAsync(PreparedImport prepared, Caller caller, bool withArchive, CancellationToken cancellationToken)
    {
        if (caller.VendorId is not { } vendor)
        {
            return;
        }

        var errors = ImmutableArray.CreateBuilder<ProblemError>();
        foreach (var (result, location) in prepared.Executions)
        {
            if (!result.Subject.Products.Any(p => plan.Lab.FindProduct(p.Id)?.VendorId == vendor))
            {
                errors.Add(ProblemError.At(location,
                    $"execution {result.ExecutionId} ({result.Subject.Combination}) includes no product of vendor '{vendor}'"));
            }
        }

        if (!withArchive)
        {
            var cited = prepared.Executions.SelectMany(e => e.Result.Artifacts.Select(a => (a.Sha256, e.Location))).Distinct();
            foreach (var (sha, location) in cited)
            {
                if (!await store.IsArtifactCitedAsync(sha, new ExecutionFilter { Vendor = vendor }, cancellationToken).ConfigureAwait(false))
                {
                    errors.Add(ProblemError.At(location, $"artifact {sha} is not evidence of vendor '{vendor}': upload it in the archive"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ApiProblems.Forbidden($"the vendor account '{caller.Name}' may upload only results of combinations with a product of '{vendor}'; nothing was stored",
                errors.ToImmutable());
        }
    }

    private static ImmutableArray<ProblemError> Errors(ResultsImportException e) =>
        [.. e.Errors.Select(x => ProblemError.At(x.Location, x.Message))];

    /// <summary>System.Text.Json's path (<c>$.a[0].b</c>) as a JSON pointer (<c>/a/0/b</c>), best effort.</summary>
    private static string ToPointer(string path) =>
        path.TrimStart('$').Replace("['", "/", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal)
            .Replace('[', '/').Replace("]", "", StringComparison.Ordinal).Replace('.', '/');

    [LoggerMessage(Level = LogLevel.Information,
        Message = "upload {UploadId} ({Sha256}) by {Account}: {Stored} execution(s) stored, {AlreadyStored} already stored; verification queued")]
    private static partial void LogAccepted(ILogger logger, string uploadId, string account, string sha256, int stored, int alreadyStored);
}
