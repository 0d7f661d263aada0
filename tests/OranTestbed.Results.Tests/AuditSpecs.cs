using OranTestbed.Results.Audit;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests;

/// <summary>The audit log's store (V007 audit_event) on both databases.</summary>
public sealed class AuditSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private static readonly string[] LastThreeDays = ["/api/v1/runs/r9", "/api/v1/runs/r8", "/api/v1/runs/r7"];
    private static readonly string[] OpsTargets = ["/api/v1/runs/r5", "/api/v1/runs/r3", "/api/v1/runs/r1"];

    [Test]
    public async Task Audit_events_recorded_at_once_must_all_be_committed_when_their_calls_return()
    {
        var recorded = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            Store.RecordAuditAsync($"reader-{i % 7}", "read", $"/cells?n={i}", 200))));

        var stored = await Store.ListAuditAsync(new AuditQuery { Limit = 1000 });

        Assert.That(stored.Select(e => e.Id), Is.EquivalentTo(recorded.Select(e => e.Id)), "every event, once");
    }

    [Test]
    public async Task A_failed_audit_commit_must_fail_every_call_waiting_on_it()
    {
        await using (System.Data.Common.DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Target.Options.Database}")
            : new Npgsql.NpgsqlConnection(Target.Options.Database))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE audit_event";
            await drop.ExecuteNonQueryAsync();
        }

        var calls = Enumerable.Range(0, 20).Select(i => Store.RecordAuditAsync("ops", "read", $"/x{i}", 200)).ToList();

        foreach (var call in calls)
        {
            Assert.That(async () => await call, Throws.InstanceOf<System.Data.Common.DbException>());
        }
    }

    [Test]
    public async Task Pruning_must_delete_the_events_before_the_retentions_end_in_batches_and_keep_the_rest()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = await ResultsStore.OpenAsync(Target.Options with { Clock = clock });
        var written = new List<AuditEvent>();
        for (int day = 0; day < 10; day++)
        {
            written.Add(await store.RecordAuditAsync("ops", AuditActions.ReadRun, $"/api/v1/runs/r{day}", 200));
            clock.Advance(TimeSpan.FromDays(1));
        }

        long removed = await store.PruneAuditAsync(written[7].At, batch: 3);
        long again = await store.PruneAuditAsync(written[7].At, batch: 3);

        var kept = await store.ListAuditAsync(new AuditQuery { Limit = 100 });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Is.EqualTo(7), "days 0–6, over three batches");
            Assert.That(again, Is.Zero);
            Assert.That(kept.Select(e => e.Target), Is.EqualTo(LastThreeDays),
                "an event recorded at the retention's end is kept");
        }
    }

    [Test]
    public async Task ResultsStore_must_page_the_audit_log_newest_first_with_every_event_once()
    {
        var written = new List<AuditEvent>();
        for (int i = 0; i < 7; i++)
        {
            written.Add(await Store.RecordAuditAsync(i % 2 == 0 ? "lab" : "ops", AuditActions.ReadRun, $"/api/v1/runs/r{i}", 200));
        }

        var pages = new List<IReadOnlyList<AuditEvent>>();
        AuditCursor? before = null;
        do
        {
            var page = await Store.ListAuditAsync(new AuditQuery { Limit = 3, Before = before });
            pages.Add(page);
            before = page.Length == 3 ? AuditCursor.After(page[^1]) : null;
        }
        while (before is not null && pages.Count < 5);

        var seen = pages.SelectMany(p => p).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(seen.Select(e => e.Target), Is.EqualTo(written.AsEnumerable().Reverse().Select(e => e.Target)));
            Assert.That(seen, Is.Ordered.Descending.By(nameof(AuditEvent.At)));
            Assert.That((await Store.ListAuditAsync(new AuditQuery { Account = "ops" })).Select(e => e.Target),
                Is.EqualTo(OpsTargets));
            Assert.That(await Store.ListAuditAsync(new AuditQuery { Action = AuditActions.Upload }), Is.Empty);
            Assert.That(AuditCursor.TryParse(AuditCursor.After(seen[0]).Encode()), Is.EqualTo(AuditCursor.After(seen[0])));
            Assert.That(AuditCursor.TryParse("' OR 1=1 --"), Is.Null);
        });
    }
}
