using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests.Matrices;

/// <summary>
/// <c>results diff --product P --from V1 --to V2</c>: the newest result of each test at each software version, read from
/// the store's latest results per set of versions (issue 16), compares as the product's whole history does.
/// </summary>
public sealed class VersionComparisonSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private static readonly string[] DuReleases = ["5.3.1", "5.4.0"];
    private static readonly string[] RuReleases = ["7.1", "7.2", "7.3"];

    [Test]
    public async Task An_older_release_run_again_after_a_newer_one_must_be_compared_by_its_newest_result()
    {
        await RecordAsync(0, "x", "5.3.1", "7.1", Verdict.Pass);
        await RecordAsync(1, "x", "5.4.0", "7.1", Verdict.Fail);
        await RecordAsync(2, "x", "5.3.1", "7.2", Verdict.Fail); // 5.3.1 again, with a newer radio release
        await RecordAsync(3, "x", "5.3.1", "7.2", Verdict.Aborted);
        await RecordAsync(0, "y", "5.3.1", "7.1", Verdict.Inconclusive);
        await RecordAsync(1, "y", "5.4.0", "7.1", Verdict.Pass);

        var diff = await ResultsComparison.OfVersionsAsync(Store, "xylem/xd-100", "5.3.1", "5.4.0");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Regressions, Is.Empty, "x on 5.3.1 is day 2's FAIL (day 0's PASS is older, day 3's aborted run no result)");
            Assert.That(diff.Unchanged, Is.EqualTo(1), "x: FAIL on both");
            Assert.That(diff.Fixes.Select(c => (c.Before.ExecutionId, c.Before.RunId, c.After.RunId)),
                Is.EqualTo(new[] { ("exec-y", RunId(0), RunId(1)) }));
        }
    }

    [TestCase("xylem/xd-100", "5.3.1", "5.4.0")]
    [TestCase("quasar/q-300", "7.1", "7.3")]
    [TestCase("quasar/q-300", "7.3", "7.2")]
    public async Task Comparing_two_versions_must_equal_the_comparison_over_the_products_whole_history(string product, string from, string to)
    {
        var random = new Random(16);
        Verdict[] verdicts = [Verdict.Pass, Verdict.Pass, Verdict.Fail, Verdict.Inconclusive, Verdict.Aborted];
        for (int day = 0; day < 12; day++)
        {
            foreach (string test in new[] { "a", "b", "c", "d", "e" })
            {
                if (random.Next(3) > 0)
                {
                    await RecordAsync(day, test, DuReleases[random.Next(2)], RuReleases[random.Next(3)], verdicts[random.Next(verdicts.Length)]);
                }
            }
        }

        var oldestFirst = (await Store.ListExecutionsAsync(new ExecutionFilter { Product = product })).OrderBy(e => e.RunId).ToList();
        bool At(ExecutionResult e, string software) => e.Subject.Products.Any(p => p.Id == product && p.Software == software);
        var overHistory = ResultsComparison.Compare(oldestFirst.Where(e => At(e, from)), oldestFirst.Where(e => At(e, to)));

        var diff = await ResultsComparison.OfVersionsAsync(Store, product, from, to);

        Assert.That(Describe(diff), Is.EqualTo(Describe(overHistory)));
        Assert.That(diff.Unchanged + diff.Regressions.Length + diff.Fixes.Length + diff.Changed.Length, Is.Positive,
            "the history holds tests run at both versions");
    }

    private async Task RecordAsync(int day, string test, string du, string ru, Verdict verdict)
    {
        await Store.BeginRunAsync(Samples.Run(RunId(day)) with { StartedAt = Samples.Start.AddDays(day) });
        var subject = Samples.Subject(caseId: "case-" + test) with
        {
            Products = [Samples.ODu(software: du), new ProductRef("o-ru", "quasar/q-300", "quasar", "Q-300 Radio", "hw-2", ru, "fw-9")],
        };
        await Store.RecordAsync(Samples.Execution("exec-" + test, verdict, RunId(day), subject));
    }

    private static string RunId(int day) => $"run-{day:00}";

    private static List<string> Describe(ResultsComparison diff) =>
    [
        .. diff.Regressions.Select(c => $"REGRESSION {c.Test} {c.Before.RunId} {c.After.RunId}"),
        .. diff.Fixes.Select(c => $"FIXED {c.Test} {c.Before.RunId} {c.After.RunId}"),
        .. diff.Changed.Select(c => $"CHANGED {c.Test} {c.Before.RunId} {c.After.RunId}"),
        $"unchanged {diff.Unchanged}",
        .. diff.NewlyCovered.Select(e => $"NEW {e.ExecutionId} {e.RunId}"),
        .. diff.Dropped.Select(e => $"DROPPED {e.ExecutionId} {e.RunId}"),
    ];
}
