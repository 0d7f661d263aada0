using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests.Dashboard;

/// <summary>
/// The matrix and cell pages keep what they built only while the store's results version stands: a result recorded
/// (by anyone: here straight into the store, as a campaign's recorder does) is on the next page view; a repeat that
/// stores nothing leaves the version alone.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = TestSupport.Peers.PeerCategories.Postgres)]
public sealed class PagePartCacheSpecs(DatabaseKind kind) : ServerSpec(kind)
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_page_viewed_again_must_show_a_result_recorded_since()
    {
        var store = Server.Store;
        await store.BeginRunAsync(new RunInfo("run-1", "cache", "sha256:" + new string('a', 64), Start));
        await store.RecordAsync(ResultDocuments.Execution("run-1", "e1"));
        using var client = Server.Client("operator");
        string cell = "/cells?band=n28-rural&operator=operator-a&du=polaris%2Fpd-7&ru=quasar%2Fq-300";

        string before = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        string cellBefore = await client.GetStringAsync(new Uri(cell, UriKind.Relative));
        long version = await store.VersionAsync();
        await store.RecordAsync(ResultDocuments.Execution("run-1", "e1")); // already stored: nothing changes
        long unchanged = await store.VersionAsync();
        await store.BeginRunAsync(new RunInfo("run-2", "cache", "sha256:" + new string('a', 64), Start.AddDays(1)));
        await store.RecordAsync(ResultDocuments.Execution("run-2", "e1", verdict: Verdict.Fail));
        string after = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        string cellAfter = await client.GetStringAsync(new Uri(cell, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(before, Does.Contain("PASS 1/1").And.Not.Contain("run-2"));
            Assert.That(cellBefore, Does.Contain("PASS 1/1"));
            Assert.That(unchanged, Is.EqualTo(version), "a repeat stores nothing");
            Assert.That(after, Does.Contain("FAIL 0/1").And.Contain("run-2"), "the new run's result and the run itself");
            Assert.That(cellAfter, Does.Contain("FAIL 0/1").And.Contain("Earlier results"));
        });
    }
}
