using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests;

/// <summary>
/// Uploads off the request path, on both databases: an upload is answered <c>accepted</c> once stored and queued, a
/// background worker re-analyses its captures (accepted → analysing → verified | flagged | failed), the queue lives in
/// the store (a new server finishes what a stopped one left), and a vendor reads only its own uploads' status. A server
/// started with no workers only queues: what it answers cannot have waited for an analysis.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = PeerCategories.Postgres)]
public sealed class VerificationQueueSpecs(DatabaseKind kind) : ServerSpec(kind)
{
    private static ServerOptions OneWorker(ServerOptions options) => options with { VerificationWorkers = 1 };

    protected override ServerOptions Configure(ServerOptions options) => options with { VerificationWorkers = 0 };

    /// <summary>Uploads one execution claiming <paramref name="claimed"/> with a capture the analyzer judges FAIL (made by
    /// the emulator for <paramref name="nanoseconds"/>: different lengths are different evidence files).</summary>
    private async Task<(HttpResponseMessage Response, JsonNode Answer)> UploadAsync(string account, string runId, Verdict claimed,
        long nanoseconds = 40_000_000)
    {
        string capture = Captures.EmulateFailingPair(Path.Combine(Documents.Folder, $"{runId}.pcap"), nanoseconds);
        var document = await Documents.DocumentAsync(runId, [ResultDocuments.Execution(runId, "e1", verdict: claimed)],
            new Dictionary<string, ArtifactSource[]> { ["e1"] = [new ArtifactSource(ArtifactKind.Capture, "e1/capture.pcap", capture)] });
        using var client = Server.Client(account);
        var response = await Http.UploadAsync(client, document);
        var answer = await Http.BodyAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), answer.ToJsonString());
        return (response, answer);
    }

    [Test]
    public async Task Upload_must_be_answered_accepted_with_its_status_url_before_its_captures_are_analysed()
    {
        var (response, answer) = await UploadAsync("polaris", "queued-run", Verdict.Pass);
        using var polaris = Server.Client("polaris");
        var polled = await Http.BodyAsync(await polaris.GetAsync(((string)answer["href"]!).TrimStart('/')));

        Assert.Multiple(async () =>
        {
            Assert.That((string?)answer["status"], Is.EqualTo("accepted"));
            Assert.That((string?)answer["href"], Is.EqualTo("/api/v1/uploads/" + (string?)answer["id"]));
            Assert.That(response.Content.Headers.ContentLocation?.OriginalString, Is.EqualTo((string?)answer["href"]));
            Assert.That((string?)answer["executions"]![0]!["href"], Is.EqualTo("/api/v1/executions/queued-run/e1"));
            Assert.That(answer["executions"]![0]!["evidence"], Is.Null, "not checked yet");
            Assert.That(((string?)polled["status"], (string?)polled["id"]), Is.EqualTo(("accepted", (string?)answer["id"])));
            Assert.That(await Server.Store.ListExecutionsAsync(new ExecutionFilter { RunId = "queued-run" }), Has.Length.EqualTo(1),
                "the results are stored when the upload is answered");
            Assert.That(await Server.Store.ListEvidenceChecksAsync(), Is.Empty, "no worker: nothing was analysed");
        });
    }

    [Test]
    public async Task Upload_queued_when_the_server_stops_must_be_verified_by_the_next_server_on_the_same_store()
    {
        var (_, flaggedUpload) = await UploadAsync("polaris", "claims-pass", Verdict.Pass);
        var (_, supportedUpload) = await UploadAsync("integrator", "claims-fail", Verdict.Fail);

        await Server.RestartAsync(OneWorker);

        using var integrator = Server.Client("integrator");
        var flagged = await Http.UntilVerifiedAsync(integrator, (string)flaggedUpload["href"]!);
        var verified = await Http.UntilVerifiedAsync(integrator, (string)supportedUpload["href"]!);
        var execution = await Http.BodyAsync(await integrator.GetAsync("api/v1/executions/claims-pass/e1"));
        Assert.Multiple(() =>
        {
            Assert.That((string?)flagged["status"], Is.EqualTo("flagged"));
            Assert.That((string?)flagged["executions"]![0]!["evidence"]!["analyzed"], Is.EqualTo("FAIL"));
            Assert.That((string?)flagged["executions"]![0]!["evidence"]!["reason"], Does.Contain("claimed PASS"));
            Assert.That((bool?)execution["evidence"]!["flagged"], Is.True, "the execution answer shows the check the worker stored");
            Assert.That(((string?)verified["status"], (string?)verified["executions"]![0]!["evidence"]!["status"]),
                Is.EqualTo(("verified", "supported")));
            Assert.That(flagged["finishedAt"], Is.Not.Null);
            Assert.That(flagged["reason"], Is.Null);
        });
    }

    [Test]
    public async Task Upload_left_analysing_by_a_server_that_died_must_be_queued_again_and_verified_by_the_next_one()
    {
        var (_, answer) = await UploadAsync("polaris", "interrupted", Verdict.Pass);
        // What a worker does before it analyses; the server then dies with the upload held.
        var held = await Server.Store.ClaimNextVerificationAsync();
        using (var polaris = Server.Client("polaris"))
        {
            var polled = await Http.BodyAsync(await polaris.GetAsync(((string)answer["href"]!).TrimStart('/')));
            Assert.That(((string?)polled["status"], held?.UploadId), Is.EqualTo(("analysing", (string?)answer["id"])));
        }

        await Server.RestartAsync(OneWorker);

        using var client = Server.Client("polaris");
        var verified = await Http.UntilVerifiedAsync(client, (string)answer["href"]!);
        Assert.Multiple(async () =>
        {
            Assert.That((string?)verified["status"], Is.EqualTo("flagged"));
            Assert.That(Server.Logs.Lines, Has.Some.Contains("1 upload(s) left analysing when the server stopped are queued again"));
            Assert.That((await Server.Store.GetUploadAsync((string)answer["id"]!))!.Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Upload_that_was_being_analysed_each_time_the_server_died_must_be_failed_instead_of_taken_again()
    {
        var (_, answer) = await UploadAsync("polaris", "poison", Verdict.Pass);
        for (int died = 0; died < 3; died++)
        {
            await Server.Store.ClaimNextVerificationAsync(); // a worker takes it; the server dies (what a capture that crashes the process does)
            await Server.Store.RequeueInterruptedVerificationsAsync(); // the next server starts
        }

        await Server.RestartAsync(OneWorker);

        using var client = Server.Client("polaris");
        var failed = await Http.UntilVerifiedAsync(client, (string)answer["href"]!);
        Assert.That(((string?)failed["status"], (string?)failed["reason"]), Is.EqualTo(("failed",
            "the server stopped 3 times while analysing this upload: it is not analysed again (a capture that stops the analyzer?)")));
    }

    [Test]
    public async Task Uploads_must_be_verified_one_after_the_other_in_the_order_they_were_accepted()
    {
        var (_, first) = await UploadAsync("polaris", "first", Verdict.Pass);
        var (_, second) = await UploadAsync("polaris", "second", Verdict.Fail, nanoseconds: 30_000_000);
        var (_, third) = await UploadAsync("polaris", "third", Verdict.Pass, nanoseconds: 20_000_000);

        await Server.RestartAsync(OneWorker);

        using var client = Server.Client("polaris");
        var done = new List<UploadVerification>();
        foreach (var answer in new[] { first, second, third })
        {
            await Http.UntilVerifiedAsync(client, (string)answer["href"]!);
            done.Add((await Server.Store.GetUploadAsync((string)answer["id"]!))!);
        }

        Assert.Multiple(() =>
        {
            Assert.That(done.Select(u => u.Status),
                Is.EqualTo(new[] { VerificationStatus.Flagged, VerificationStatus.Verified, VerificationStatus.Flagged }));
            for (int i = 1; i < done.Count; i++)
            {
                Assert.That(done[i].StartedAt, Is.GreaterThanOrEqualTo(done[i - 1].FinishedAt!.Value),
                    $"upload {i + 1} started after upload {i} finished (one worker, acceptance order)");
            }
        });
    }

    [Test]
    public async Task Upload_that_cannot_be_analysed_must_fail_with_the_reason_and_the_worker_must_go_on_with_the_next()
    {
        var (_, broken) = await UploadAsync("polaris", "lost-evidence", Verdict.Pass);
        var (_, next) = await UploadAsync("polaris", "next-in-line", Verdict.Fail, nanoseconds: 20_000_000);
        string lost = (await Server.Store.ListExecutionsAsync(new ExecutionFilter { RunId = "lost-evidence" }))[0].Artifacts[0].Sha256;
        File.Delete(Server.Store.ArtifactPath(lost)); // the server's own evidence file is gone (a disk restored without it)

        await Server.RestartAsync(OneWorker);

        using var client = Server.Client("polaris");
        var failed = await Http.UntilVerifiedAsync(client, (string)broken["href"]!);
        var verified = await Http.UntilVerifiedAsync(client, (string)next["href"]!);
        Assert.Multiple(() =>
        {
            Assert.That((string?)failed["status"], Is.EqualTo("failed"));
            Assert.That((string?)failed["reason"], Does.Contain("e1/capture.pcap").And.Contain(lost).And.Contain("missing"));
            Assert.That(failed["executions"]![0]!["evidence"], Is.Null, "no check is made up");
            Assert.That((string?)verified["status"], Is.EqualTo("verified"));
        });
    }

    [Test]
    public async Task Vendor_must_read_only_its_own_uploads_status()
    {
        var (_, polarisUpload) = await UploadAsync("polaris", "polaris-run", Verdict.Pass);
        string href = ((string)polarisUpload["href"]!).TrimStart('/');
        using var polaris = Server.Client("polaris");
        using var quasar = Server.Client("quasar");
        using var operatorClient = Server.Client("operator");
        using var anonymous = Server.Client(null);

        using var own = await polaris.GetAsync(href);
        using var others = await quasar.GetAsync(href);
        using var readsAll = await operatorClient.GetAsync(href);
        using var unknown = await polaris.GetAsync("api/v1/uploads/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        using var unauthenticated = await anonymous.GetAsync(href);

        Assert.Multiple(async () =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var problem = await Http.ProblemAsync(others, 404);
            Assert.That((string?)problem["detail"], Does.Not.Contain("polaris"), "the answer reveals nothing of the upload");
            Assert.That(readsAll.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await Http.ProblemAsync(unknown, 404);
            Assert.That(unauthenticated.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }
}
