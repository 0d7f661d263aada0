using System.Net;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests;

/// <summary>Uploads that are accepted, on both databases: stored, idempotent, verbatim.</summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = PeerCategories.Postgres)]
public sealed class UploadSpecs(DatabaseKind kind) : ServerSpec(kind)
{

    [Test]
    public async Task Upload_must_store_a_vendor_document_and_answer_201_with_the_executions()
    {
        var document = await Documents.DocumentAsync("lab-run-1", [ResultDocuments.Execution("lab-run-1", "e1")]);
        using var client = Server.Client("polaris");

        using var response = await Http.UploadAsync(client, document);

        var body = await Http.BodyAsync(response);
        var stored = await Server.Store.ListExecutionsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/api/v1/runs/lab-run-1"));
            Assert.That((int?)body["stored"], Is.EqualTo(1));
            Assert.That((string?)body["executions"]![0]!["href"], Is.EqualTo("/api/v1/executions/lab-run-1/e1"));
            Assert.That(stored.Select(e => (e.RunId, e.ExecutionId, e.Subject.Combination)),
                Is.EqualTo(new[] { ("lab-run-1", "e1", "polaris/pd-7 × quasar/q-300") }));
        });
    }

    [Test]
    public async Task Upload_must_be_idempotent_by_content_a_repeat_answers_200_naming_the_same_upload_and_stores_once()
    {
        var document = await Documents.DocumentAsync("lab-run-2", [ResultDocuments.Execution("lab-run-2", "e1")]);
        using var client = Server.Client("integrator");

        using var first = await Http.UploadAsync(client, document);
        using var second = await Http.UploadAsync(client, document);
        using var third = await Http.UploadAsync(Server.Client("polaris"), document);

        var (a, b, c) = (await Http.BodyAsync(first), await Http.BodyAsync(second), await Http.BodyAsync(third));
        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((string?)b["id"], (string?)b["href"], (string?)b["uploadSha256"], b["executions"]!.ToJsonString()),
                Is.EqualTo(((string?)a["id"], (string?)a["href"], (string?)a["uploadSha256"], a["executions"]!.ToJsonString())),
                "a repeat names the first upload (its status is what the verification reached since)");
            Assert.That(((int?)b["stored"], (int?)b["alreadyStored"]), Is.EqualTo(((int?)a["stored"], (int?)a["alreadyStored"])));
            Assert.That((string?)c["id"], Is.Not.EqualTo((string?)a["id"]), "another account's copy is its own upload");
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another account's copy: already stored");
            Assert.That(((int?)c["stored"], (int?)c["alreadyStored"]), Is.EqualTo((0, 1)));
            Assert.That(await Server.Store.ListExecutionsAsync(), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Upload_must_store_sql_metacharacters_verbatim()
    {
        const string hostile = "x'); DROP TABLE execution; -- \"quoted\" ; SELECT * FROM account WHERE '1'='1 \\ % _ ` $1 @p";
        var document = await Documents.DocumentAsync("run'; DELETE FROM run; --",
            [ResultDocuments.Execution("run'; DELETE FROM run; --", "e'1", caseName: hostile, verdict: Verdict.Fail, reasons: [hostile])]);
        using var client = Server.Client("integrator");

        using var response = await Http.UploadAsync(client, document);
        using var read = await client.GetAsync("api/v1/executions?run=" + Uri.EscapeDataString("run'; DELETE FROM run; --"));

        var executions = (await Http.BodyAsync(read)).AsArray();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            Assert.That(executions, Has.Count.EqualTo(1));
            Assert.That((string?)executions[0]!["caseName"], Is.EqualTo(hostile));
            Assert.That((string?)executions[0]!["reasons"]![0], Is.EqualTo(hostile));
            Assert.That((string?)executions[0]!["executionId"], Is.EqualTo("e'1"));
            Assert.That((await Server.Store.ListAccountsAsync()).Length, Is.EqualTo(5), "the accounts are all still there");
        });
    }

    [Test]
    public async Task Upload_must_accept_an_archive_as_zip_or_tar_gz_and_serve_the_evidence_back()
    {
        string log = Path.Combine(Documents.Folder, "bench.log");
        await File.WriteAllTextAsync(log, "bench log line\n");
        var evidence = new Dictionary<string, ArtifactSource[]> { ["e1"] = [new ArtifactSource(ArtifactKind.Log, "e1/bench.log", log)] };
        var tar = await Documents.DocumentAsync("lab-run-tar", [ResultDocuments.Execution("lab-run-tar", "e1")], evidence);
        var zip = await Documents.DocumentAsync("lab-run-zip", [ResultDocuments.Execution("lab-run-zip", "e1")], evidence);
        using var client = Server.Client("polaris");

        using var tarResponse = await Http.UploadAsync(client, tar);
        using var zipResponse = await Http.UploadAsync(client, zip, zip: true);
        var execution = await Http.BodyAsync(await client.GetAsync("api/v1/executions/lab-run-tar/e1"));
        string href = (string)execution["artifacts"]![0]!["href"]!;
        string content = await client.GetStringAsync(href.TrimStart('/'));

        Assert.Multiple(() =>
        {
            Assert.That(tarResponse.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(zipResponse.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(content, Is.EqualTo("bench log line\n"));
        });
    }
}
