using System.Net;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests;

/// <summary>Trust but verify: uploaded captures are re-analysed (in the background, after the answer) with the
/// execution's fronthaul profile, and a verdict the evidence does not support is flagged (stored, shown by the API,
/// filterable).</summary>
public sealed class EvidenceSpecs
{
    private ServerHarness _server = null!;
    private ResultDocuments _documents = null!;
    private string _capture = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await ServerHarness.StartAsync(DatabaseKind.Sqlite);
        _documents = await ResultDocuments.CreateAsync();
        _capture = Captures.EmulateFailingPair(Path.Combine(_documents.Folder, "capture.pcap"));
        Assert.That(Captures.Analyze(_capture), Is.EqualTo(Analysis.Verdicts.Verdict.Fail), "the emulated pair must analyse FAIL");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        await _documents.DisposeAsync();
    }

    private async Task<System.Text.Json.Nodes.JsonNode> UploadWithCaptureAsync(string runId, Verdict claimed, string? profile = null)
    {
        var execution = ResultDocuments.Execution(runId, "e1", verdict: claimed);
        if (profile is not null)
        {
            execution = execution with { Subject = execution.Subject with { FronthaulProfile = profile } };
        }

        var document = await _documents.DocumentAsync(runId, [execution],
            new Dictionary<string, ArtifactSource[]> { ["e1"] = [new ArtifactSource(ArtifactKind.Capture, "e1/capture.pcap", _capture)] });
        using var client = _server.Client("polaris");
        using var response = await Http.UploadAsync(client, document);
        var body = await Http.BodyAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToJsonString());
        Assert.That((string?)body["status"], Is.EqualTo("accepted"), "the answer comes before the re-analysis");
        return await Http.UntilVerifiedAsync(client, (string)body["href"]!);
    }

    [Test]
    public async Task Upload_must_flag_a_claimed_pass_that_the_capture_analyses_as_fail()
    {
        var answer = await UploadWithCaptureAsync("claims-pass", Verdict.Pass);
        using var operatorClient = _server.Client("operator");
        var execution = await Http.BodyAsync(await operatorClient.GetAsync("api/v1/executions/claims-pass/e1"));
        var flagged = (await Http.BodyAsync(await operatorClient.GetAsync("api/v1/executions?flagged=true"))).AsArray();
        var stored = await _server.Store.ListEvidenceChecksAsync(new ExecutionFilter { RunId = "claims-pass" });

        Assert.Multiple(() =>
        {
            Assert.That((string?)answer["status"], Is.EqualTo("flagged"));
            Assert.That((string?)answer["executions"]![0]!["evidence"]!["status"], Is.EqualTo("flagged"));
            Assert.That((bool?)execution["evidence"]!["flagged"], Is.True);
            Assert.That((string?)execution["evidence"]!["claimed"], Is.EqualTo("PASS"));
            Assert.That((string?)execution["evidence"]!["analyzed"], Is.EqualTo("FAIL"));
            Assert.That((string?)execution["evidence"]!["reason"], Does.Contain("claimed PASS").And.Contain("e1/capture.pcap").And.Contain(ResultDocuments.Profile));
            Assert.That(flagged.Select(e => (string?)e!["runId"]), Does.Contain("claims-pass"));
            Assert.That(stored.Values.Single().Status, Is.EqualTo(EvidenceStatus.Flagged));
            Assert.That(execution["verdict"]!.GetValue<string>(), Is.EqualTo("PASS"), "the claim is kept as evidence; the flag stands beside it");
        });
    }

    [Test]
    public async Task Upload_must_find_a_claimed_fail_supported_by_the_same_capture()
    {
        var answer = await UploadWithCaptureAsync("claims-fail", Verdict.Fail);

        var evidence = answer["executions"]![0]!["evidence"]!;
        Assert.That(((string?)answer["status"], (string?)evidence["status"], (string?)evidence["analyzed"]),
            Is.EqualTo(("verified", "supported", "FAIL")));
    }

    [Test]
    public async Task Upload_must_leave_unchecked_a_capture_whose_profile_the_server_does_not_know()
    {
        var answer = await UploadWithCaptureAsync("unknown-profile", Verdict.Pass, profile: "vendor-private-profile");

        var evidence = answer["executions"]![0]!["evidence"]!;
        Assert.That(((string?)answer["status"], (string?)evidence["status"]), Is.EqualTo(("verified", "unchecked")));
        Assert.That((string?)evidence["reason"], Does.Contain("vendor-private-profile"));
    }
}
