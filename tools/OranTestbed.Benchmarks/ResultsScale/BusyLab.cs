using System.Collections.Immutable;
using System.Globalization;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Benchmarks.ResultsScale;

/// <summary>
/// The results of a busy lab after a few years, deterministically: 53 products (12 O-DUs, 37 O-RUs, 4 O-CUs of 10
/// vendors), 2 bands × 2 operator profiles, each with 6 O-DUs × 10 O-RUs (neighbours share some) and one O-CU, 24 cases: 5,760
/// executions. Every run (one every 6 hours) re-runs the next <see cref="PerRun"/> of them, so each is run ~174 times
/// over 1,000 runs; O-DU software moves on every 100 runs; one O-RU (ru-3) fails a case a third of the time,
/// 2 % are INCONCLUSIVE, 0.5 % ABORTED (their re-run in the same run passes). Three metrics per result, a reason per
/// non-pass. No evidence files (1,000,000 of them would measure the file system).
/// </summary>
internal sealed class BusyLab
{
    public const int Cases = 24;
    public const int DusPerSetup = 6;
    public const int RusPerSetup = 10;

    public static readonly DateTimeOffset FirstRun = new(2023, 1, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly (string Band, string Operator)[] Setups =
        [("n78-urban", "operator-a"), ("n78-urban", "operator-b"), ("n28-rural", "operator-a"), ("n28-rural", "operator-b")];

    private static readonly string[] DuVendors = ["xylem", "polaris", "orion"];
    private static readonly string[] RuVendors = ["quasar", "zephyr", "ymir", "radian", "sirius", "taurus"];

    public int PerRun { get; init; } = 1000;

    public static int Executions => Setups.Length * DusPerSetup * RusPerSetup * Cases;

    public static string RunId(int run) => $"lab-{FirstRun.AddHours(6 * run):yyyyMMdd-HHmm}";

    public static RunInfo Run(int run) =>
        new(RunId(run), "busy-lab", "sha256:" + new string('b', 64), FirstRun.AddHours(6 * run)) { CampaignDescription = "A busy lab" };

    /// <summary>The O-DU and O-RU of execution <paramref name="n"/>'s cell, and its setup.</summary>
    public static (string Band, string Operator, string ODu, string ORu) Cell(int n)
    {
        int setup = n / (DusPerSetup * RusPerSetup * Cases);
        int du = n / (RusPerSetup * Cases) % DusPerSetup;
        int ru = n / Cases % RusPerSetup;
        return (Setups[setup].Band, Setups[setup].Operator, ODu(((setup * DusPerSetup) + du) % 12), ORu((setup * 9) + ru));
    }

    /// <summary>The results of run <paramref name="run"/>, an aborted one followed by its re-run.</summary>
    public IEnumerable<ExecutionResult> Results(int run)
    {
        var random = new Random(run);
        for (int i = 0; i < PerRun; i++)
        {
            int n = (int)(((long)run * PerRun + i) % Executions);
            double draw = random.NextDouble();
            var (_, _, _, ru) = Cell(n);
            bool weakRadio = ru.EndsWith("-3", StringComparison.Ordinal) && n % Cases == 5;
            var verdict = draw < 0.005 ? Verdict.Aborted
                : draw < 0.025 ? Verdict.Inconclusive
                : weakRadio && draw < 0.36 ? Verdict.Fail
                : Verdict.Pass;
            yield return Result(run, n, verdict, random);
            if (verdict == Verdict.Aborted)
            {
                yield return Result(run, n, Verdict.Pass, random);
            }
        }
    }

    public static ExecutionResult Result(int run, int n, Verdict verdict, Random random)
    {
        var (band, op, du, ru) = Cell(n);
        string software = string.Create(CultureInfo.InvariantCulture, $"5.{run / 100}.0"); // a release per 100 runs
        string ocu = $"radian/rc-{n / (DusPerSetup * RusPerSetup * Cases)}";
        var subject = new ExecutionSubject(band, op, "NR-TDD-FR1-CAT-A-NoBF", "O-RAN.WG4.IOT.0", "10.00", "n78-100mhz-tdd-bfp9-2644",
            $"case-{n % Cases:00}", $"Case {n % Cases}", "mandatory", "O-RAN.WG4.IOT.0 §3.2", 1,
            [Product("o-du", du, software), Product("o-ru", ru, "4.0.3"), Product("o-cu", ocu, "2.1.0")]);
        bool fail = verdict == Verdict.Fail;
        decimal late = fail ? 40 + random.Next(60) : random.Next(3);
        return new ExecutionResult(RunId(run), ExecutionId(n), subject,
            new VerdictRecord(verdict, fail ? 2 : 1, false, verdict == Verdict.Pass ? [] : [$"ta4.late-ratio {late / 1000:0.000} does not meet <= 0.01"],
                $"bench-{n % 4}", TimeSpan.FromSeconds(20 + random.Next(40))) { StartedAt = Run(run).StartedAt.AddSeconds(n % 21_600) },
            [
                new MetricRecord("ta4-late", "analyzer", Units.Count, late, "<= 10", fail ? Verdict.Fail : Verdict.Pass),
                new MetricRecord("on-time", "analyzer", Units.Ratio, 0.99m + (random.Next(10) / 1000m), ">= 99%", Verdict.Pass),
                new MetricRecord("dl-throughput", "traffic-tool", Units.Mbps, 780 + random.Next(40), ">= 700Mbps", Verdict.Pass),
            ]);
    }

    public static string ExecutionId(int n) => n.ToString("x16", CultureInfo.InvariantCulture);

    private static string ODu(int i) => $"{DuVendors[i % DuVendors.Length]}/du-{i}";

    private static string ORu(int i) => $"{RuVendors[i % RuVendors.Length]}/ru-{i}";

    private static ProductRef Product(string role, string id, string software) =>
        new(role, id, id.Split('/')[0], id.Split('/')[1].ToUpperInvariant(), "A1", software, software);
}
