using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests;

/// <summary>
/// The latest result of each execution, kept by the store as results are recorded (issue 16): it is the newest run's
/// whatever order runs are recorded in, never an aborted one, and the matrices it answers are those of every result;
/// a store of version 3 is migrated to it; a cell's history pages newest first, every result once.
/// </summary>
public sealed class LatestResultSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private static readonly int[] PageSizes = [5, 5, 5, 3];

    [Test]
    public async Task The_latest_result_must_be_the_newest_runs_whatever_order_runs_are_recorded_in()
    {
        foreach (int day in new[] { 2, 0, 1 })
        {
            await Store.BeginRunAsync(Run(day));
        }

        await Store.RecordAsync(Samples.Execution("x", Verdict.Fail, RunId(2)));
        await Store.RecordAsync(Samples.Execution("x", Verdict.Pass, RunId(0)));
        await Store.RecordAsync(Samples.Execution("x", Verdict.Pass, RunId(1)));
        await Store.RecordAsync(Samples.Execution("y", Verdict.Pass, RunId(0)));
        await Store.RecordAsync(Samples.Execution("y", Verdict.Aborted, RunId(1)));
        await Store.RecordAsync(Samples.Execution("z", Verdict.Aborted, RunId(1)));
        await Store.RecordAsync(Samples.Execution("z", Verdict.Inconclusive, RunId(1))); // the resumed run's re-run

        var latest = await Store.ListExecutionsAsync(new ExecutionFilter { LatestOnly = true });

        Assert.That(latest.Select(e => (e.ExecutionId, e.RunId, e.Outcome.Verdict)), Is.EquivalentTo(new[]
        {
            ("x", RunId(2), Verdict.Fail), ("y", RunId(0), Verdict.Pass), ("z", RunId(1), Verdict.Inconclusive),
        }));
    }

    [Test]
    public async Task A_list_of_latest_results_must_read_one_state_of_the_store_while_newer_results_are_recorded()
    {
        // Each reading of the latest results is several queries (executions, then their products, reasons, metrics…): a
        // result recorded between two of them must not leave an execution with another run's parts, or none.
        string[] ids = [.. Enumerable.Range(0, 30).Select(i => $"e{i:00}")];
        await Store.BeginRunAsync(Run(0));
        foreach (string id in ids)
        {
            await Store.RecordAsync(Samples.Execution(id, Verdict.Pass, RunId(0)));
        }

        var writer = Task.Run(async () =>
        {
            for (int day = 1; day <= 8; day++)
            {
                await Store.BeginRunAsync(Run(day));
                foreach (string id in ids)
                {
                    await Store.RecordAsync(Samples.Execution(id, Verdict.Pass, RunId(day)));
                }
            }
        });
        var torn = new List<string>();
        int reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            var latest = await Store.ListExecutionsAsync(new ExecutionFilter { LatestOnly = true });
            reads++;
            torn.AddRange(latest.Where(e => e.Subject.Product("o-du") is null || e.Metrics.Length == 0)
                .Select(e => $"{e.RunId}/{e.ExecutionId}"));
        }

        await writer;
        Assert.That(torn, Is.Empty, $"executions read without their parts over {reads} readings");
    }

    [Test]
    public async Task The_latest_per_set_of_versions_must_keep_an_older_releases_newest_result()
    {
        foreach (int day in new[] { 3, 0, 2, 1 })
        {
            await Store.BeginRunAsync(Run(day));
        }

        // 5.3.1 on days 0 and 1, 5.4.0 on days 2 and 3 (aborted on day 3), recorded newest first.
        await Store.RecordAsync(Release("x", 3, "5.4.0", Verdict.Aborted));
        await Store.RecordAsync(Release("x", 2, "5.4.0", Verdict.Fail));
        await Store.RecordAsync(Release("x", 1, "5.3.1", Verdict.Pass));
        await Store.RecordAsync(Release("x", 0, "5.3.1", Verdict.Fail));

        var latest = await Store.ListExecutionsAsync(new ExecutionFilter { LatestPerVersions = true, OperatorProfile = "operator-a" });

        Assert.That(latest.Select(e => (e.RunId, e.Subject.Product("o-du")!.Software, e.Outcome.Verdict)), Is.EquivalentTo(new[]
        {
            (RunId(1), "5.3.1", Verdict.Pass), (RunId(2), "5.4.0", Verdict.Fail),
        }));
    }

    [Test]
    public async Task Matrices_of_the_latest_results_must_equal_those_of_every_result()
    {
        await FillAsync(new Random(16));
        var order = (await Store.ListRunsAsync()).Select(r => r.RunId).ToList();

        var fromAll = InteropMatrix.Build(await Store.ListExecutionsAsync(), order);
        var fromLatest = InteropMatrix.Build(await Store.ListExecutionsAsync(new ExecutionFilter { LatestOnly = true }), order);

        Assert.That(Describe(fromLatest), Is.EqualTo(Describe(fromAll)).And.Not.Empty);
    }

    [Test]
    public async Task A_store_of_version_3_must_be_migrated_to_the_same_latest_results()
    {
        await FillAsync(new Random(3));
        var order = (await Store.ListRunsAsync()).Select(r => r.RunId).ToList();
        var expected = Describe(InteropMatrix.Build(await Store.ListExecutionsAsync(), order));
        await DowngradeToVersion3Async();

        var reopened = await Target.OpenAsync();

        var migrated = await reopened.ListExecutionsAsync(new ExecutionFilter { LatestOnly = true });
        Assert.That(await reopened.AppliedMigrationsAsync(), Has.Some.Contains("V004__latest_result"));
        Assert.That(Describe(InteropMatrix.Build(migrated, order)), Is.EqualTo(expected));
        Assert.That(await reopened.ListExecutionsAsync(new ExecutionFilter { ODu = "xylem/xd-100", ORu = "quasar/q-300" }),
            Is.Not.Empty.And.All.Matches<ExecutionResult>(e => e.Subject.Product("o-ru")!.Id == "quasar/q-300"),
            "the pair columns are filled for the results stored before");
    }

    [Test]
    public async Task A_cells_history_must_page_newest_first_with_every_earlier_result_once()
    {
        for (int day = 0; day < 7; day++)
        {
            await Store.BeginRunAsync(Run(day));
            foreach (string id in new[] { "a", "b", "c" })
            {
                await Store.RecordAsync(Samples.Execution(id, Verdict.Pass, RunId(day)));
            }
        }

        await Store.RecordAsync(Samples.Execution("other-pair", Verdict.Pass, RunId(3), Samples.Subject(oRu: "zephyr/zr-200")));
        var pair = new ExecutionFilter { ODu = "xylem/xd-100", ORu = "quasar/q-300", ExcludeLatest = true, Limit = 5 };
        var starts = (await Store.ListRunsAsync()).ToDictionary(r => r.RunId, r => r.StartedAt);

        var pages = new List<IReadOnlyList<ExecutionResult>>();
        ExecutionCursor? before = null;
        do
        {
            var page = await Store.ListExecutionsAsync(pair with { Before = before });
            pages.Add(page);
            before = page.Length == 5 ? ExecutionCursor.After(page[^1], starts[page[^1].RunId]) : null;
        }
        while (before is not null && pages.Count < 10);

        var seen = pages.SelectMany(p => p).Select(e => (e.RunId, e.ExecutionId)).ToList();
        Assert.That(pages.Select(p => p.Count), Is.EqualTo(PageSizes));
        Assert.That(seen, Is.Unique.And.Count.EqualTo(18), "6 earlier runs × 3 executions; the newest run's are the latest");
        Assert.That(seen.Select(s => s.RunId), Is.Ordered.Descending, "newest run first (run ids here sort as their days)");
        Assert.That(seen.Select(s => s.RunId), Has.None.EqualTo(RunId(6)));
    }

    [Test]
    public void A_page_cursor_must_round_trip_and_refuse_what_is_not_one()
    {
        var cursor = new ExecutionCursor(Samples.Start.AddTicks(7), "run/ü", "exec 1");

        Assert.That(ExecutionCursor.TryParse(cursor.Encode()), Is.EqualTo(cursor));
        Assert.That(ExecutionCursor.TryParse("' OR 1=1 --"), Is.Null);
        Assert.That(ExecutionCursor.TryParse(new string('A', 5000)), Is.Null);
        Assert.That(ExecutionCursor.TryParse("AAAA"), Is.Null);
    }

    private static string RunId(int day) => $"run-{day:00}";

    private static ExecutionResult Release(string id, int day, string software, Verdict verdict) =>
        Samples.Execution(id, verdict, RunId(day)) with
        {
            Subject = Samples.Subject() with { Products = [Samples.ODu(software: software), Samples.ORu()] },
        };

    private static RunInfo Run(int day) => Samples.Run(RunId(day)) with { StartedAt = Samples.Start.AddDays(day) };

    /// <summary>Six runs (two starting at the same instant), recorded in a shuffled order, of 24 executions over 2 bands
    /// and 6 pairs with every verdict, aborted ones and their re-runs included.</summary>
    private async Task FillAsync(Random random)
    {
        var runs = Enumerable.Range(0, 6).Select(i => Samples.Run($"run-{(char)('a' + i)}")
            with { StartedAt = Samples.Start.AddHours(i == 5 ? 4 : i) }).ToList();
        Verdict[] verdicts = [Verdict.Pass, Verdict.Pass, Verdict.Fail, Verdict.Inconclusive, Verdict.Error, Verdict.Aborted];
        var results = new List<ExecutionResult>();
        foreach (var run in runs)
        {
            for (int n = 0; n < 24; n++)
            {
                if (random.Next(4) == 0)
                {
                    continue; // not every run runs everything
                }

                var subject = Samples.Subject(caseId: $"case-{n % 4}", band: n % 2 == 0 ? "n78-urban" : "n28-rural",
                    oDu: n % 3 == 0 ? "xylem/xd-100" : "polaris/pd-7", oRu: n % 4 < 2 ? "quasar/q-300" : "ymir/yr-400");
                results.Add(Samples.Execution(Samples.Id(n), verdicts[random.Next(verdicts.Length)], run.RunId, subject));
            }
        }

        foreach (var run in runs.OrderBy(_ => random.Next()))
        {
            await Store.BeginRunAsync(run);
        }

        foreach (var result in results.OrderBy(_ => random.Next()))
        {
            await Store.RecordAsync(result);
        }
    }

    private static List<string> Describe(IEnumerable<InteropMatrix> matrices) =>
    [
        .. from m in matrices
           from c in m.Cells.OrderBy(c => c.Key.ODu, StringComparer.Ordinal).ThenBy(c => c.Key.ORu, StringComparer.Ordinal)
           select $"{m.Band} {m.OperatorProfile} {c.Key.ODu} {c.Key.ORu}: {c.Value.Label} "
                  + string.Join(",", c.Value.Latest.Select(e => $"{e.ExecutionId}@{e.RunId}").Order(StringComparer.Ordinal))
                  + " " + string.Join(",", c.Value.Versions),
    ];

    /// <summary>The store as version 3 left it: no latest table, no pair columns, V004 not in the journal.</summary>
    private async Task DowngradeToVersion3Async()
    {
        await using DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection($"Data Source={Target.Options.Database}")
            : new NpgsqlConnection(Target.Options.Database);
        await connection.OpenAsync();
        foreach (string sql in new[]
        {
            "DROP TABLE latest_result", "DROP INDEX execution_by_pair", "DROP INDEX execution_product_by_vendor",
            "ALTER TABLE execution DROP COLUMN o_du", "ALTER TABLE execution DROP COLUMN o_ru", "ALTER TABLE execution DROP COLUMN o_cu",
            "DELETE FROM schema_versions WHERE scriptname LIKE '%V004__latest_result%'",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
