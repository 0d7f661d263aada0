using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans.Iot;
using OranTestbed.Results.Model;
using OranTestbed.Results.Readiness;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Results.Tests.Readiness;

/// <summary>
/// The readiness view over the shipped plan's lab (testplans/): operator A's quality-first need in its urban band
/// (cu-dl-throughput, cu-ul-throughput, dm-in-between, dm-maximum-latency; throughput ratios >= 0.9) judged from results
/// recorded as the orchestrator records them.
/// </summary>
public sealed class OperatorReadinessSpecs
{
    private const string Op = "operator-a";
    private const string Band = "n78-urban";
    private const string Quality = "premium-urban-quality";
    private const string Du = "xylem/xd-100";
    private const string Ru = "zephyr/zr-200";
    private const string Cu = "zephyr/zc-1";
    private static readonly string[] QualityCases = ["cu-dl-throughput", "cu-ul-throughput", "dm-in-between", "dm-maximum-latency"];
    private static readonly string[] OneRun = ["run-1"];
    private static readonly string[] TwoRuns = ["run-1", "run-2"];
    private static readonly string[] ThreeRuns = ["run-1", "run-2", "run-3"];
    private static readonly string[] TestedVersions = ["xylem/xd-100 5.3.1", "zephyr/zr-200 1.9.4", "zephyr/zc-1 2.4.1"];
    private static readonly string[] CuCases = ["cu-dl-throughput", "cu-ul-throughput"];
    private static readonly string[] ReuseCases = ["mp-startup-hierarchical", "mp-supervision-loss"];

    [Test]
    public void Candidate_must_be_ready_when_every_mandatory_case_passed_within_the_need_thresholds()
    {
        var candidate = Judge(AllCases("run-1"), OneRun);

        Assert.Multiple(() =>
        {
            Assert.That(candidate.State, Is.EqualTo(ReadinessState.Ready));
            Assert.That(candidate.Versions.Single().Versions, Is.EqualTo(TestedVersions));
            Assert.That(candidate.Versions.Single().Cases.Select(c => c.CaseId), Is.EqualTo(QualityCases));
            Assert.That(candidate.Versions.Single().Findings, Is.Empty);
        });
    }

    [Test]
    public void Candidate_must_be_not_ready_naming_the_failed_case_its_metric_and_the_versions()
    {
        var results = AllCases("run-1", late: 0.002m);

        var candidate = Judge(results, OneRun);

        var versions = candidate.Versions.Single();
        var finding = versions.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(candidate.State, Is.EqualTo(ReadinessState.NotReady));
            Assert.That((finding.CaseId, finding.MetricId), Is.EqualTo(("dm-maximum-latency", "t2a-up.late-ratio")));
            Assert.That(finding.Text, Does.Contain("FAIL").And.Contain("0.002 ratio").And.Contain("<= 0"));
            Assert.That(finding.ExecutionId, Is.EqualTo(results.Single(r => r.Subject.CaseId == "dm-maximum-latency").ExecutionId));
            Assert.That(versions.Versions, Does.Contain("xylem/xd-100 5.3.1"));
        });
    }

    [Test]
    public void Candidate_must_be_not_ready_when_a_passing_case_misses_the_need_threshold()
    {
        // Judged on the case's own >= 0.8 (say, imported): 0.85 passed, but operator A asks >= 0.9.
        var results = AllCases("run-1").Where(r => r.Subject.CaseId != "cu-dl-throughput")
            .Append(LabResults.Result("run-1", Op, Band, "cu-dl-throughput", Du, Ru, Cu, Measured("dl-throughput-ratio", 0.85m), judgedOnCase: true))
            .ToList();

        var candidate = Judge(results, OneRun);

        var finding = candidate.Versions.Single().Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(results.Single(r => r.Subject.CaseId == "cu-dl-throughput").Outcome.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(candidate.State, Is.EqualTo(ReadinessState.NotReady));
            Assert.That((finding.CaseId, finding.MetricId), Is.EqualTo(("cu-dl-throughput", "dl-throughput-ratio")));
            Assert.That(finding.Text, Does.Contain("0.85 ratio").And.Contain("the need asks >= 0.9").And.Contain("judged on >= 0.8"));
        });
    }

    [Test]
    public void Candidate_must_be_not_tested_naming_the_cases_without_a_result()
    {
        var results = AllCases("run-1").Where(r => r.Subject.CaseId.StartsWith("dm-", StringComparison.Ordinal)).ToList();

        var readiness = Build(results, OneRun);
        var candidate = Candidate(readiness, Du, Ru, Cu);
        var untouched = Candidate(readiness, "xylem/xd-100", "ymir/yr-400", Cu);

        Assert.Multiple(() =>
        {
            Assert.That(candidate.State, Is.EqualTo(ReadinessState.NotTested));
            Assert.That(candidate.Versions.Single().Missing, Is.EqualTo(CuCases));
            Assert.That((untouched.State, untouched.Versions.Length), Is.EqualTo((ReadinessState.NotTested, 0)));
        });
    }

    [Test]
    public void Candidates_the_expansion_excludes_must_be_incompatible_with_its_reason()
    {
        var need = Build([], []).Needs.Single(n => n.Need.Id == Quality && n.Band == Band);

        var pair = need.Candidates.Single(c => c.Combination == "xylem/xd-100 × quasar/q-300");
        var noCapture = need.Candidates.Single(c => c.Combination == "xylem/xd-100 × ymir/yr-410");
        Assert.Multiple(() =>
        {
            Assert.That(pair.State, Is.EqualTo(ReadinessState.Incompatible));
            Assert.That(pair.Incompatible, Does.Contain("quasar/q-300 does not support n78"));
            Assert.That(noCapture.State, Is.EqualTo(ReadinessState.Incompatible), "a pair only the M-plane bench hosts cannot run the need's cases");
            Assert.That(noCapture.Incompatible, Does.StartWith("cu-dl-throughput, cu-ul-throughput: ").And.Contain("captures the fronthaul"));
            Assert.That(need.Candidates.Where(c => c.State != ReadinessState.Incompatible).Select(c => c.OCu), Is.All.EqualTo(Cu),
                "the need's O-CU cases make the O-CU part of each candidate");
        });
    }

    [Test]
    public void Versions_must_be_judged_apart_so_ready_with_one_release_and_not_with_the_next_shows()
    {
        var newer = new Dictionary<string, string> { [Du] = "5.4.0" };
        var results = AllCases("run-1")
            .Concat(AllCases("run-2", software: newer).Select(r => r.Subject.CaseId == "dm-in-between"
                ? LabResults.Result("run-2", Op, Band, "dm-in-between", Du, Ru, measured: Measured("rx-late", 12), software: newer)
                : r))
            .ToList();

        var candidate = Judge(results, TwoRuns);

        Assert.Multiple(() =>
        {
            Assert.That(candidate.State, Is.EqualTo(ReadinessState.Ready), "deployable with the release that is ready");
            Assert.That(candidate.Versions.Select(v => (v.Versions[0], v.State)),
                Is.EqualTo(new[] { ("xylem/xd-100 5.4.0", ReadinessState.NotReady), ("xylem/xd-100 5.3.1", ReadinessState.Ready) }),
                "newest first; the same executions, each release judged on its own results");
            Assert.That(candidate.Versions[0].Findings.Single().Text, Does.StartWith("dm-in-between FAIL: rx-late = 12 count (<= 0)"));
        });
    }

    [Test]
    public void The_latest_result_of_an_execution_must_count_and_an_aborted_one_never()
    {
        var failedFirst = AllCases("run-1", late: 0.5m);
        var fixedLater = AllCases("run-2");
        var aborted = AllCases("run-3", late: 0.5m).Select(r => r with { Outcome = r.Outcome with { Verdict = Verdict.Aborted } });

        var candidate = Judge([.. failedFirst, .. fixedLater, .. aborted], ThreeRuns);

        Assert.Multiple(() =>
        {
            Assert.That(candidate.State, Is.EqualTo(ReadinessState.Ready));
            Assert.That(candidate.Versions.Single().Cases.SelectMany(c => c.Latest).Select(r => r.RunId), Is.All.EqualTo("run-2"));
        });
    }

    [Test]
    public void An_equipment_reuse_need_must_concern_only_combinations_with_its_installed_products()
    {
        var reuse = Build([], []).Needs.Where(n => n.Need.Id == "reuse-installed-yr-400").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(reuse.Select(n => n.Band), Is.EqualTo(new[] { Band }), "--band keeps one band");
            Assert.That(reuse.SelectMany(n => n.Candidates).Select(c => c.ORu), Is.Not.Empty.And.All.EqualTo("ymir/yr-400"));
            Assert.That(reuse[0].Cases, Is.EqualTo(ReuseCases));
        });
    }

    [Test]
    public void A_cost_first_need_must_be_judged_on_the_iot_mandatory_cases_less_its_skipped_ones()
    {
        var lean = OperatorReadiness.Build(LabResults.Plan, "operator-b", "n28-rural", [], []).Needs.Single(n => n.Need.Id == "lean-lab-budget");
        var skipped = lean.Need.SkipCases;

        Assert.Multiple(() =>
        {
            Assert.That(lean.Cases, Is.Not.Empty.And.Contains("mp-startup-hierarchical"));
            Assert.That(lean.Cases.Select(id => LabResults.Plan.FindCase(id)!.Status), Is.All.EqualTo(TestCaseStatus.Mandatory));
            Assert.That(lean.Cases.Intersect(skipped), Is.Empty);
            Assert.That(lean.CasesFrom, Does.Contain("mandatory cases of NR-FDD-FR1(15kHzSCS)-CAT-A-NoBF").And.Contain("less the need's skip-cases"));
        });
    }

    [Test]
    public void A_vendor_view_must_keep_only_candidates_with_one_of_its_products()
    {
        var readiness = OperatorReadiness.Build(LabResults.Plan, Op, Band, [], [],
            products => products.Any(p => p.StartsWith("zephyr/", StringComparison.Ordinal)));

        var candidates = readiness.Needs.SelectMany(n => n.Candidates).ToList();
        Assert.That(candidates.Select(c => c.Products), Is.Not.Empty.And.All.Matches<IEnumerable<string>>(
            products => products.Any(p => p.StartsWith("zephyr/", StringComparison.Ordinal))));
    }

    [Test]
    public void An_unknown_operator_or_band_must_be_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => OperatorReadiness.Build(LabResults.Plan, "operator-z", null, [], []),
                Throws.ArgumentException.With.Message.Contains("no operator profile operator-z"));
            Assert.That(() => OperatorReadiness.Build(LabResults.Plan, Op, "n1-nowhere", [], []),
                Throws.ArgumentException.With.Message.Contains("operator-a has no band n1-nowhere"));
        });
    }

    /// <summary>Every case of the quality need on xd-100 × zr-200 (× zc-1), passing unless <paramref name="late"/> sets
    /// dm-maximum-latency's late DL U-plane ratio.</summary>
    private static List<ExecutionResult> AllCases(string run, decimal? late = null, Dictionary<string, string>? software = null) =>
    [
        LabResults.Result(run, Op, Band, "cu-dl-throughput", Du, Ru, Cu, Measured("dl-throughput-ratio", 0.93m), software),
        LabResults.Result(run, Op, Band, "cu-ul-throughput", Du, Ru, Cu, Measured("ul-throughput-ratio", 0.91m), software),
        LabResults.Result(run, Op, Band, "dm-in-between", Du, Ru, software: software),
        LabResults.Result(run, Op, Band, "dm-maximum-latency", Du, Ru, measured: late is { } l ? Measured("t2a-up.late-ratio", l) : null, software: software),
    ];

    private static Dictionary<string, decimal> Measured(string metric, decimal value) => new(StringComparer.Ordinal) { [metric] = value };

    private static OperatorReadiness Build(IEnumerable<ExecutionResult> results, string[] runs) =>
        OperatorReadiness.Build(LabResults.Plan, Op, Band, results, runs);

    private static ReadinessCandidate Judge(IEnumerable<ExecutionResult> results, string[] runs) => Candidate(Build(results, runs), Du, Ru, Cu);

    private static ReadinessCandidate Candidate(OperatorReadiness readiness, string du, string ru, string? cu) =>
        readiness.Needs.Single(n => n.Need.Id == Quality && n.Band == Band).Candidates.Single(c => (c.ODu, c.ORu, c.OCu) == (du, ru, cu));
}
