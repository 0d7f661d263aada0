using System.Net;
using System.Net.Http.Json;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests;

/// <summary>Reads: vendor scoping on every read endpoint, filters, the O-RAN export, the OpenAPI document.</summary>
public sealed class ReadSpecs
{
    private static readonly string[] CampaignRuns = ["campaign-1"];
    private static readonly string[] XylemRadian = ["xylem/xd-100 × radian/rr-800"];
    private static readonly string[] OnlyE1 = ["e1"];
    private static readonly string[] ApiPathsDocumented =
    [
        "/api/v1/results", "/api/v1/results/{run}", "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/executions",
        "/api/v1/executions/{run}/{id}", "/api/v1/artifacts/{sha256}", "/api/v1/accounts", "/api/v1/uploads/{id}",
    ];

    private ServerHarness _server = null!;
    private ResultDocuments _documents = null!;
    private string _polarisLog = "";
    private string _xylemLog = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await ServerHarness.StartAsync(DatabaseKind.Sqlite);
        _documents = await ResultDocuments.CreateAsync();
        _polarisLog = Path.Combine(_documents.Folder, "polaris.log");
        _xylemLog = Path.Combine(_documents.Folder, "xylem.log");
        await File.WriteAllTextAsync(_polarisLog, "polaris evidence");
        await File.WriteAllTextAsync(_xylemLog, "xylem × radian evidence");
        // One integrator run with two combinations: polaris × quasar (PASS) and xylem × radian (FAIL).
        var document = await _documents.DocumentAsync("campaign-1",
            [
                ResultDocuments.Execution("campaign-1", "e1"),
                ResultDocuments.Execution("campaign-1", "e2", "xylem/xd-100", "radian/rr-800", Verdict.Fail),
            ],
            new Dictionary<string, ArtifactSource[]>
            {
                ["e1"] = [new ArtifactSource(ArtifactKind.Log, "e1/bench.log", _polarisLog)],
                ["e2"] = [new ArtifactSource(ArtifactKind.Log, "e2/bench.log", _xylemLog)],
            });
        using var integrator = _server.Client("integrator");
        using var response = await Http.UploadAsync(integrator, document);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        await _documents.DisposeAsync();
    }

    private static string Sha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    [Test]
    public async Task Operator_must_read_every_run_and_execution()
    {
        using var client = _server.Client("operator");

        var runs = (await Http.BodyAsync(await client.GetAsync("api/v1/runs"))).AsArray();
        var run = await Http.BodyAsync(await client.GetAsync("api/v1/runs/campaign-1"));
        var executions = (await Http.BodyAsync(await client.GetAsync("api/v1/executions?band=n28-rural&operator=operator-a"))).AsArray();
        var failing = (await Http.BodyAsync(await client.GetAsync("api/v1/executions?verdict=FAIL"))).AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => (string?)r!["runId"]), Is.EqualTo(CampaignRuns));
            Assert.That(run["executions"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That((string?)run["oranResults"], Is.EqualTo("/api/v1/results/campaign-1"));
            Assert.That(executions, Has.Count.EqualTo(2));
            Assert.That(failing.Select(e => (string?)e!["combination"]), Is.EqualTo(XylemRadian));
        });
    }

    [Test]
    public async Task Vendor_must_see_only_executions_and_evidence_of_its_own_products()
    {
        using var polaris = _server.Client("polaris");

        var executions = (await Http.BodyAsync(await polaris.GetAsync("api/v1/executions"))).AsArray();
        var run = await Http.BodyAsync(await polaris.GetAsync("api/v1/runs/campaign-1"));
        using var other = await polaris.GetAsync("api/v1/executions/campaign-1/e2");
        using var ownEvidence = await polaris.GetAsync($"api/v1/artifacts/{Sha(_polarisLog)}");
        using var otherEvidence = await polaris.GetAsync($"api/v1/artifacts/{Sha(_xylemLog)}");
        string export = await polaris.GetStringAsync("api/v1/results/campaign-1");

        Assert.Multiple(async () =>
        {
            Assert.That(executions.Select(e => (string?)e!["executionId"]), Is.EqualTo(OnlyE1));
            Assert.That(run["executions"]!.AsArray().Select(e => (string?)e!["executionId"]), Is.EqualTo(OnlyE1));
            await Http.ProblemAsync(other, 404);
            Assert.That(await ownEvidence.Content.ReadAsStringAsync(), Is.EqualTo("polaris evidence"));
            await Http.ProblemAsync(otherEvidence, 404);
            Assert.That(export, Does.Contain("polaris/pd-7").And.Not.Contain("xylem/xd-100"));
        });
    }

    [Test]
    public async Task Vendor_without_any_combination_must_see_no_run()
    {
        var (_, token) = await _server.Store.CreateAccountAsync("ymir2", Results.Accounts.AccountRole.Vendor, "ymir");
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var runs = (await Http.BodyAsync(await client.GetAsync("api/v1/runs"))).AsArray();
        using var run = await client.GetAsync("api/v1/runs/campaign-1");
        using var export = await client.GetAsync("api/v1/results/campaign-1");

        Assert.That(runs, Is.Empty);
        await Http.ProblemAsync(run, 404);
        await Http.ProblemAsync(export, 404);
    }

    [Test]
    public async Task Export_must_be_a_document_the_server_accepts_again_as_already_stored()
    {
        using var operatorClient = _server.Client("operator");
        string json = await operatorClient.GetStringAsync("api/v1/results/campaign-1");
        using var integrator = _server.Client("integrator");

        using var again = await integrator.PostAsync("api/v1/results", Http.Json(json));

        var body = await Http.BodyAsync(again);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That((int?)body["alreadyStored"], Is.EqualTo(2));
    }

    [Test]
    public async Task Api_must_answer_400_for_a_bad_verdict_filter_or_sha256()
    {
        using var client = _server.Client("operator");

        await Http.ProblemAsync(await client.GetAsync("api/v1/executions?verdict=GREAT"), 400);
        await Http.ProblemAsync(await client.GetAsync("api/v1/artifacts/..%2F..%2Fetc%2Fpasswd"), 400);
    }

    [Test]
    public async Task OpenApi_document_must_describe_every_endpoint_and_the_bearer_scheme()
    {
        using var anonymous = _server.Client(null);

        var document = await Http.BodyAsync(await anonymous.GetAsync("openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(ApiPathsDocumented));
        Assert.That(document["components"]!["securitySchemes"]!["bearer"], Is.Not.Null);
    }

    [Test]
    public async Task Admin_must_create_and_revoke_accounts_over_the_api()
    {
        using var admin = _server.Client("admin");

        using var created = await admin.PostAsJsonAsync("api/v1/accounts", new { name = "zephyr-lab", role = "vendor", vendor = "zephyr" });
        var body = await Http.BodyAsync(created);
        using var badVendor = await admin.PostAsJsonAsync("api/v1/accounts", new { name = "nobody", role = "vendor", vendor = "acme" });
        using var zephyr = new HttpClient { BaseAddress = _server.BaseAddress };
        zephyr.DefaultRequestHeaders.Authorization = new("Bearer", (string)body["token"]!);
        using var before = await zephyr.GetAsync("api/v1/runs");
        using var revoke = await admin.DeleteAsync("api/v1/accounts/zephyr-lab");
        using var after = await zephyr.GetAsync("api/v1/runs");

        Assert.Multiple(async () =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            await Http.ProblemAsync(badVendor, 422);
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await Http.ProblemAsync(after, 401);
        });
    }
}
