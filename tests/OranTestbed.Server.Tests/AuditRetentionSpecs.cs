using System.Net;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Results.Audit;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Server.Tests;

/// <summary>The server keeps the audit log to its retention, on the store's clock (a fake one the spec moves).</summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = PeerCategories.Postgres)]
public sealed class AuditRetentionSpecs(DatabaseKind kind) : ServerSpec(kind)
{
    private static readonly string[] BothReads = ["/api/v1/runs?limit=5", "/api/v1/runs"];
    private static readonly string[] TheNewerRead = ["/api/v1/runs?limit=5"];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override ServerOptions Configure(ServerOptions options) => options with
    {
        Store = options.Store with { Clock = _clock },
        AuditRetention = TimeSpan.FromDays(30),
        AuditPruneInterval = TimeSpan.FromHours(1),
    };

    [Test]
    public async Task Server_must_delete_audit_events_older_than_its_retention_and_keep_the_newer()
    {
        using var reader = Server.Client("operator");
        using var first = await reader.GetAsync("api/v1/runs");
        _clock.Advance(TimeSpan.FromDays(20));
        using var second = await reader.GetAsync("api/v1/runs?limit=5");
        var before = await Server.Store.ListAuditAsync(new AuditQuery { Account = "operator" });

        _clock.Advance(TimeSpan.FromDays(11) + TimeSpan.FromHours(1)); // the first read is now 31 days old: past 30
        // The server logs a prune once its deletions are committed.
        string? pruned = await Until(() => Task.FromResult(Server.Logs.Lines.FirstOrDefault(l => l.Contains("audit log: deleted", StringComparison.Ordinal))),
            line => line is not null);
        var after = await Server.Store.ListAuditAsync(new AuditQuery { Account = "operator" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(before.Select(e => e.Target), Is.EqualTo(BothReads));
            Assert.That(after.Select(e => e.Target), Is.EqualTo(TheNewerRead), "the 20-day-younger read is kept");
            Assert.That(pruned, Does.Contain("audit log: deleted 1 event(s) recorded before").And.Contains("retention 30.00:00:00"));
        }
    }

    /// <summary>Reads until <paramref name="done"/> holds (the server prunes on its own timer); the deadline only guards a hang.</summary>
    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(20);
        }
    }
}
