using System.Net;
using System.Text.RegularExpressions;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests.Dashboard;

/// <summary>The runs page: newest first, 50 at a time with a link to the older ones, every run once, each with the
/// verdicts its executions have (counted by the store) and the comparison with the run before it.</summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = TestSupport.Peers.PeerCategories.Postgres)]
public sealed partial class RunsPageSpecs(DatabaseKind kind) : ServerSpec(kind)
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Runs_must_page_newest_first_with_their_verdict_counts()
    {
        for (int r = 0; r < 53; r++)
        {
            string run = $"run-{r:00}";
            await Server.Store.BeginRunAsync(new RunInfo(run, "paging", "sha256:" + new string('a', 64), Start.AddHours(r)));
            await Server.Store.RecordAsync(ResultDocuments.Execution(run, "e1"));
            await Server.Store.RecordAsync(ResultDocuments.Execution(run, "e2", verdict: r % 2 == 0 ? Verdict.Fail : Verdict.Pass));
        }

        using var client = Server.Client("operator");
        string first = await client.GetStringAsync(new Uri("/runs", UriKind.Relative));
        string older = WebUtility.HtmlDecode(OlderLink().Match(first).Groups[1].Value);
        string second = await client.GetStringAsync(new Uri(older, UriKind.Relative));

        var rows = RunRow().Matches(first).Concat(RunRow().Matches(second)).Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(RunRow().Matches(first), Has.Count.EqualTo(50));
            Assert.That(rows, Is.EqualTo(Enumerable.Range(0, 53).Reverse().Select(r => $"run-{r:00}")), "every run once, newest first");
            Assert.That(first, Does.Match("<tr data-run=\"run-52\">.*<td>2</td><td>1</td><td>1</td><td>0</td>"), "run-52: 2 executions, 1 PASS, 1 FAIL");
            Assert.That(first, Does.Match("<tr data-run=\"run-51\">.*<td>2</td><td>2</td><td>0</td><td>0</td>"), "run-51: 2 PASS");
            Assert.That(second, Does.Contain("with run-00").And.Not.Contain("id=\"older\""), "run-01 compares with run-00, the last page");
        });
    }

    [GeneratedRegex("<tr data-run=\"(run-[0-9]+)\">")]
    private static partial Regex RunRow();

    [GeneratedRegex("<a id=\"older\" href=\"([^\"]+)\">")]
    private static partial Regex OlderLink();
}
