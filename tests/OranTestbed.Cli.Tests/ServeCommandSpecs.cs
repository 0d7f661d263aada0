using System.Net;
using System.Net.Http.Headers;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary><c>oran-testbed accounts add</c> then <c>serve</c> as real processes: the token printed once opens the API,
/// nothing else does, and Ctrl+C stops the server cleanly.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class ServeCommandSpecs
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "serve", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_results);

    [Test]
    public async Task Serve_must_answer_the_token_that_accounts_add_printed_and_refuse_others()
    {
        var plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        var added = CliProcess.Run("accounts", "add", "lab-operator", "--role", "operator", "--results", _results, "--plans", plans);
        var token = added.Stdout.Trim();
        var listed = CliProcess.Run("accounts", "list", "--results", _results);
        int port = CliProcess.FreePort();
        using var serve = CliProcess.Start(drainStderr: true, "serve", "--urls", $"http://127.0.0.1:{port}", "--results", _results,
            "--plans", plans);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await UntilListening(http);

        using var anonymous = await http.GetAsync(new Uri("/api/v1/runs", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/v1/runs") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "otb_guess") } };
        using var refused = await http.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/v1/runs") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var answered = await http.SendAsync(right);
        CliProcess.Interrupt(serve);

        Assert.Multiple(() =>
        {
            Assert.That(added.ExitCode, Is.Zero, added.Stderr);
            Assert.That(token, Does.StartWith("otb_"));
            Assert.That(listed.Stdout, Does.Contain("lab-operator").And.Not.Contain(token), "tokens are never shown again");
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(serve.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "Ctrl+C stops the server");
            Assert.That(serve.ExitCode, Is.Zero);
        });
    }

    [Test]
    public async Task Dashboard_must_show_the_demo_campaigns_results_with_its_incompatible_pairs()
    {
        var plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        var run = CliProcess.Run(TimeSpan.FromMinutes(3), "run", Path.Combine(plans, "campaigns", "demo.yaml"), "--results", _results);
        var token = CliProcess.Run("accounts", "add", "noc", "--role", "operator", "--results", _results, "--plans", plans).Stdout.Trim();
        int port = CliProcess.FreePort();
        using var serve = CliProcess.Start(drainStderr: true, "serve", "--urls", $"http://127.0.0.1:{port}", "--results", _results,
            "--plans", plans);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await UntilListening(http);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/?band=n78-urban&operator=operator-b&planned=on")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };
        using var page = await http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        serve.Kill();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("n78-urban").And.Contain("operator-b"));
            Assert.That(html, Does.Match("class=\"cell pass\" data-du=\"polaris/pd-7\" data-ru=\"radian/rr-800\""),
                "the demo's passing pair, from the run's results");
            Assert.That(html, Does.Match("class=\"cell incompatible\" data-du=\"polaris/pd-7\" data-ru=\"ymir/yr-400\" title=\"[^\"]*eAxC split"),
                "the pair the demo campaign's expansion excluded, with the reason");
        });
    }

    [Test]
    public async Task The_demo_campaigns_run_uploaded_to_a_server_that_only_queues_must_be_verified_by_the_next_on_its_store_with_nothing_flagged()
    {
        var plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        var run = CliProcess.Run(TimeSpan.FromMinutes(3), "run", Path.Combine(plans, "campaigns", "demo.yaml"), "--results", _results);
        string runId = Path.GetFileName(Directory.GetDirectories(Path.Combine(_results, "runs")).Single());
        string upload = Path.Combine(_results, "upload");
        var export = CliProcess.Run("results", "export", runId, "--results", _results, "--out", Path.Combine(upload, "results.json"));
        string archive = Path.Combine(_results, "artifacts.tar.gz");
        await using (var file = File.Create(archive))
        await using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            await System.Formats.Tar.TarFile.CreateFromDirectoryAsync(Path.Combine(upload, "artifacts"), gzip, includeBaseDirectory: true);
        }

        string server = Path.Combine(_results, "server");
        var token = CliProcess.Run("accounts", "add", "lab", "--role", "integrator", "--results", server, "--plans", plans).Stdout.Trim();
        // A front server that only accepts uploads (no verification workers) and, on the same store, a back-office one.
        int front = CliProcess.FreePort();
        using var accepting = CliProcess.Start(drainStderr: true, "serve", "--urls", $"http://127.0.0.1:{front}", "--results", server,
            "--plans", plans, "--verification-workers", "0");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{front}"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await UntilListening(http);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(upload, "results.json"))), "results", "results.json" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(archive)), "artifacts", "artifacts.tar.gz" },
        };
        using var posted = await http.PostAsync(new Uri("/api/v1/results", UriKind.Relative), form);
        string answer = await posted.Content.ReadAsStringAsync();
        string href = (string)System.Text.Json.Nodes.JsonNode.Parse(answer)!["href"]!;
        string queued = (string)System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(href, UriKind.Relative)))!["status"]!;
        CliProcess.Interrupt(accepting);
        bool frontStopped = accepting.WaitForExit(TimeSpan.FromSeconds(30));
        int back = CliProcess.FreePort();
        using var serve = CliProcess.Start(drainStderr: true, "serve", "--urls", $"http://127.0.0.1:{back}", "--results", server,
            "--plans", plans, "--concurrent-analyses", "2");
        using var backOffice = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{back}"), Timeout = TimeSpan.FromMinutes(5) };
        backOffice.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await UntilListening(backOffice);
        // The captures are re-analysed in the background: the upload's status URL says when and what it found.
        var verified = await UntilVerified(backOffice, href);
        var executions = verified["executions"]!.AsArray();
        serve.Kill();

        var statuses = executions.Select(e => (string?)e!["evidence"]?["status"]).ToList();
        var flagged = executions.Where(e => (bool?)e!["evidence"]?["flagged"] == true)
            .Select(e => $"{e!["executionId"]}: {e["evidence"]!["reason"]}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
            Assert.That(export.ExitCode, Is.Zero, export.Stderr);
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created), answer);
            Assert.That(queued, Is.EqualTo("accepted"), "a server without verification workers only queues the upload");
            Assert.That(frontStopped, Is.True);
            Assert.That((string?)verified["status"], Is.EqualTo("verified"), verified.ToJsonString());
            Assert.That(executions, Has.Count.EqualTo(18));
            Assert.That(statuses.Where(s => s is not null).ToList(), Has.Count.EqualTo(12).And.All.EqualTo("supported"),
                "every fronthaul execution's capture re-analysed and agreeing");
            Assert.That(statuses.Count(s => s is null), Is.EqualTo(6), "the six M-plane executions have no capture to re-analyse");
            Assert.That(flagged, Is.Empty, "the server re-judges the captures as the run did");
        });
    }

    /// <summary>Polls an upload's status URL until its verification is final (the deadline only guards a hang).</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> UntilVerified(HttpClient http, string href)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var upload = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(href, UriKind.Relative)))!;
            if ((string?)upload["status"] is "verified" or "flagged" or "failed" || DateTime.UtcNow > deadline)
            {
                return upload;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the server accepts connections (it loads the plan and migrates the store first).</summary>
    private static async Task UntilListening(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                using var probe = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
