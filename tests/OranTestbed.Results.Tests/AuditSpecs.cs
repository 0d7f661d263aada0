using OranTestbed.Results.Audit;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests;

/// <summary>The audit log's store (V007 audit_event) on both databases.</summary>
public sealed class AuditSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private static readonly string[] OpsTargets = ["/api/v1/runs/r5", "/api/v1/runs/r3", "/api/v1/runs/r1"];

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
