using System.Text.Json;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// A delay-management case on the emulated bench checks the O-RU's rx-window counters against the analyzer's
/// classification of the same capture, per interval (rx-counters-agree): with an O-DU sending late bursts, a clean O-RU's
/// reports agree and the case passes; one reporting only half of its late messages (<c>mplane-wrong-counters</c>) fails,
/// the reason naming the interval and RX_LATE, and the per-interval table (O-RU says / capture shows / verdict) is kept
/// as evidence.
/// </summary>
[TestFixture]
public sealed class ReceptionCounterCaseSpecs
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "rx-counters", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public void Rx_counters_must_agree_for_a_clean_o_ru_and_fail_naming_the_interval_for_one_reporting_half_its_late_messages()
    {
        string plans = Plans();
        string campaign = Path.Combine(_folder, "rx.yaml");
        File.WriteAllText(campaign, """
            description: the O-RU's rx-window counters against the analyzer
            operators: [operator-a]
            bands: [n78-urban]
            products: [xylem/xd-100, ymir/yr-400, zephyr/zr-200]
            cases:
              ids: [dm-in-between]
            repetitions: 1
            capture-duration: 2500ms
            """);
        string results = Path.Combine(_folder, "results");

        var run = CliProcess.Run(TimeSpan.FromMinutes(3), "run", campaign, "--plans", plans, "--benches", "emulated", "--results", results);

        var executions = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(results, "runs"), "summary.json",
            SearchOption.AllDirectories).Single())).RootElement.GetProperty("executions").EnumerateArray().ToList();
        var clean = executions.Single(e => e.GetProperty("oRu").GetString() == "ymir/yr-400");
        var wrong = executions.Single(e => e.GetProperty("oRu").GetString() == "zephyr/zr-200");
        string Reasons(JsonElement e) => string.Join("; ", e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var tables = Directory.GetFiles(Path.Combine(results, "runs"), "rx-counters.txt", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "a FAIL\n" + run);
            Assert.That(Reasons(clean), Does.Not.Contain("rx-counters-agree"), "a clean O-RU's counters agree");
            Assert.That(wrong.GetProperty("verdict").GetString(), Is.EqualTo("FAIL"));
            Assert.That(Reasons(wrong), Does.Match(@"rx-counters-agree = 0 does not meet == true: .*disagree with the capture in 1 of \d intervals: \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z, .*RX_LATE: O-RU \d+, capture \d+"));
            Assert.That(tables, Has.Count.EqualTo(2));
            Assert.That(tables, Has.Some.Contains("DISAGREE").And.Some.Contains(": O-RU says U-plane early"));
            Assert.That(tables, Has.All.Contains("not evaluated"), "the partial first and last seconds of the capture");
        }
    }

    /// <summary>A copy of the shipped plan where the O-DU sends late DL bursts (something late to count) and
    /// zephyr/zr-200 reports half of its late messages.</summary>
    private string Plans()
    {
        string plans = ShippedPlans.CopyTo(_folder);
        File.AppendAllText(Path.Combine(plans, "personalities", "xylem", "xd-100.yaml"),
            "\ndefects:\n  late-bursts: {rate: 1%, length: 2, beyond: 20us}\n");
        File.AppendAllText(Path.Combine(plans, "personalities", "zephyr", "zr-200.yaml"), // under its own defects
            "  mplane-wrong-counters: {rx-late-reported: 50%}\n");
        return plans;
    }
}
