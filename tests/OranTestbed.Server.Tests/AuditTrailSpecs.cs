using System.Net;
using Microsoft.Data.Sqlite;
using OranTestbed.Results.Audit;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests;

/// <summary>The audit log: who uploaded and who read what, never a token, readable by admins only.</summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = PeerCategories.Postgres)]
public sealed class AuditTrailSpecs(DatabaseKind kind) : ServerSpec(kind)
{
    private readonly DatabaseKind _kind = kind;

    private static readonly string[] NewestTwo = ["/api/v1/runs/r2", "/api/v1/runs/r1"];
    private static readonly string[] Oldest = ["/api/v1/runs/r0"];

    [Test]
    public async Task Upload_and_reads_must_be_audited_with_their_account_target_and_status_and_no_token()
    {
        var document = await Documents.DocumentAsync("audited-run", [ResultDocuments.Execution("audited-run", "e1")]);
        using var polaris = Server.Client("polaris");
        using var operatorClient = Server.Client("operator");

        using var upload = await Http.UploadAsync(polaris, document);
        using var run = await operatorClient.GetAsync("api/v1/runs/audited-run");
        using var list = await operatorClient.GetAsync("api/v1/executions?run=audited-run&limit=5");
        // A real token pasted into a path: neither the audit table nor the log (the harness checks every line of it
        // after each test, ASP.NET Core's own Trace and Debug lines included) may keep it.
        string pastedToken = Server.Tokens["integrator"];
        using var pasted = await operatorClient.GetAsync($"api/v1/runs/{Uri.EscapeDataString(pastedToken)}");
        using var denied = await polaris.GetAsync("api/v1/accounts");

        var events = await Server.Store.ListAuditAsync(new AuditQuery());
        Assert.That(events.Select(e => (e.Account, e.Action, e.Outcome)), Is.EquivalentTo(new[]
        {
            ((string?)"polaris", AuditActions.Upload, 201), ("operator", AuditActions.ReadRun, 200),
            ("operator", AuditActions.ReadExecutions, 200), ("operator", AuditActions.ReadRun, 404), ("polaris", AuditActions.ReadAccounts, 403),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(events.Single(e => e.Action == AuditActions.Upload).Target, Is.EqualTo(upload.Content.Headers.ContentLocation?.OriginalString
                ?? upload.Headers.GetValues("Content-Location").Single()).And.StartWith("/api/v1/uploads/"));
            Assert.That(events.Select(e => e.Target), Has.Member("/api/v1/runs/audited-run").And.Member("/api/v1/executions?run=audited-run&limit=5"));
            Assert.That(events.Select(e => e.Target), Has.Member("/api/v1/runs/otb_[redacted]"), "a token pasted into a path is cut out");
        });
        foreach (var e in events)
        {
            foreach (string token in Server.Tokens.Values.Append(pastedToken))
            {
                Assert.That($"{e.Account} {e.Action} {e.Target}", Does.Not.Contain(token).And.Not.Contain(token[4..20]), "a token in the audit log");
            }
        }
    }

    [Test]
    public async Task Audit_api_must_be_for_admins_filtered_and_paged_newest_first()
    {
        using var operatorClient = Server.Client("operator");
        using var admin = Server.Client("admin");
        for (int i = 0; i < 3; i++)
        {
            (await operatorClient.GetAsync($"api/v1/runs/r{i}")).Dispose();
        }

        using var refused = await operatorClient.GetAsync("api/v1/audit");
        using var first = await admin.GetAsync("api/v1/audit?account=operator&action=read-run&limit=2");
        var firstPage = await Http.BodyAsync(first);
        string next = first.Headers.GetValues("Link").Single();
        using var second = await admin.GetAsync(next[1..next.IndexOf('>', StringComparison.Ordinal)].TrimStart('/'));
        var secondPage = await Http.BodyAsync(second);
        using var badAction = await admin.GetAsync("api/v1/audit?action=drop-table");
        using var badCursor = await admin.GetAsync("api/v1/audit?cursor=abc");

        await Http.ProblemAsync(refused, 403);
        Assert.That(firstPage.AsArray().Select(e => (string?)e!["target"]), Is.EqualTo(NewestTwo));
        Assert.That(secondPage.AsArray().Select(e => (string?)e!["target"]), Is.EqualTo(Oldest));
        Assert.That(secondPage.AsArray().Select(e => (string?)e!["account"]), Is.All.EqualTo("operator"));
        await Http.ProblemAsync(badAction, 400);
        await Http.ProblemAsync(badCursor, 400);
    }

    [Test]
    public async Task A_failed_audit_write_must_fail_the_request_and_be_logged_as_an_error()
    {
        await using (System.Data.Common.DbConnection connection = _kind == DatabaseKind.Sqlite
            ? new SqliteConnection($"Data Source={Server.Store.Options.Database}")
            : new Npgsql.NpgsqlConnection(Server.Store.Options.Database))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE audit_event RENAME TO audit_event_gone";
            await drop.ExecuteNonQueryAsync();
        }

        var document = await Documents.DocumentAsync("unaudited", [ResultDocuments.Execution("unaudited", "e1")]);
        using var upload = await Http.UploadAsync(Server.Client("polaris"), document);
        using var read = await Server.Client("operator").GetAsync("api/v1/runs");

        Assert.That((int)upload.StatusCode, Is.GreaterThanOrEqualTo(500), "the upload answer is not given unaudited: the client retries");
        Assert.That((int)read.StatusCode, Is.GreaterThanOrEqualTo(500), "nothing is read unaudited");
        Assert.That(await read.Content.ReadAsStringAsync(), Does.Not.Contain("\"runId\""), "no data left with the failure");
        Assert.That(Server.Logs.Lines, Has.Some.Contains("audit event not written"));
    }
}
