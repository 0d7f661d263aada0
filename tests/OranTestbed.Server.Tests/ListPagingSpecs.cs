using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests;

/// <summary>
/// The executions list pages (keyset cursor in the Link header, newest runs first, every result once) and refuses a
/// query it cannot answer truthfully with a 400 naming the parameter: unknown keys, SQL text, huge values, bad limits
/// and cursors.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres, Category = TestSupport.Peers.PeerCategories.Postgres)]
public sealed class ListPagingSpecs(DatabaseKind kind) : ServerSpec(kind)
{
    private static readonly int[] ThreePages = [10, 10, 5];
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Executions_must_page_newest_run_first_with_every_result_once()
    {
        await FillAsync(runs: 5, perRun: 5);
        using var client = Server.Client("operator");

        var pages = new List<List<(string Run, string Id)>>();
        string? next = "api/v1/executions?limit=10&operator=operator-a";
        while (next is not null && pages.Count < 10)
        {
            using var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            var body = (await Http.BodyAsync(response)).AsArray();
            pages.Add([.. body.Select(e => ((string)e!["runId"]!, (string)e["executionId"]!))]);
            next = response.Headers.TryGetValues("Link", out var links)
                ? System.Text.RegularExpressions.Regex.Match(links.Single(), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value.TrimStart('/')
                : null;
        }

        var all = pages.SelectMany(p => p).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Count), Is.EqualTo(ThreePages));
            Assert.That(all, Is.Unique.And.Count.EqualTo(25));
            Assert.That(all.Select(e => e.Run), Is.Ordered.Descending, "newest run first (these run ids sort as their start)");
        });
    }

    [Test]
    public async Task Runs_must_page_newest_first_with_every_run_once()
    {
        await FillAsync(runs: 7, perRun: 1);
        using var client = Server.Client("operator");

        var seen = new List<string>();
        int pages = 0;
        string? next = "api/v1/runs?limit=3";
        while (next is not null && pages++ < 10)
        {
            using var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            seen.AddRange((await Http.BodyAsync(response)).AsArray().Select(r => (string)r!["runId"]!));
            next = response.Headers.TryGetValues("Link", out var links)
                ? System.Text.RegularExpressions.Regex.Match(links.Single(), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value.TrimStart('/')
                : null;
        }

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 7).Reverse().Select(r => $"run-{r}")));
    }

    [Test]
    public async Task Latest_must_list_one_result_per_execution_the_newest_runs()
    {
        await FillAsync(runs: 3, perRun: 4);
        using var client = Server.Client("operator");

        var latest = (await Http.BodyAsync(await client.GetAsync("api/v1/executions?latest=true"))).AsArray();

        Assert.That(latest.Select(e => (string?)e!["runId"]).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("run-2"));
    }

    [TestCase("band=%27%20OR%201%3D1%20--", "band")]
    [TestCase("product=x%3Bdrop%20table%20execution", "product")]
    [TestCase("bogus=1", "bogus")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=1001", "limit")]
    [TestCase("limit=ten", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("latest=yes", "latest")]
    [TestCase("band=a&band=b", "band")]
    public async Task A_query_that_is_no_filter_must_be_a_400_naming_the_parameter(string query, string parameter)
    {
        await FillAsync(runs: 1, perRun: 1);
        using var client = Server.Client("operator");

        var problem = await Http.ProblemAsync(await client.GetAsync(new Uri($"api/v1/executions?{query}", UriKind.Relative)), 400);

        Assert.That((string?)problem["detail"], Does.StartWith($"query parameter '{parameter}' "));
    }

    [Test]
    public async Task A_huge_filter_value_must_be_a_400_not_a_query()
    {
        using var client = Server.Client("operator");

        var problem = await Http.ProblemAsync(await client.GetAsync(new Uri($"api/v1/executions?case={new string('a', 5000)}", UriKind.Relative)), 400);

        Assert.That((string?)problem["detail"], Does.StartWith("query parameter 'case' is not an id"));
    }

    /// <summary><paramref name="runs"/> runs a day apart, each with the same <paramref name="perRun"/> executions.</summary>
    private async Task FillAsync(int runs, int perRun)
    {
        for (int r = 0; r < runs; r++)
        {
            string run = $"run-{r}";
            await Server.Store.BeginRunAsync(new RunInfo(run, "paging", "sha256:" + new string('a', 64), Start.AddDays(r)));
            for (int e = 0; e < perRun; e++)
            {
                await Server.Store.RecordAsync(ResultDocuments.Execution(run, $"exec-{e}") with
                {
                    Subject = ResultDocuments.Execution(run, $"exec-{e}").Subject with { OperatorProfile = "operator-a" },
                });
            }
        }
    }
}
