using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Tests.Support;

namespace OranTestbed.Results.Tests.Matrices;

/// <summary>Matrices per band × operator profile from stored results, with and without the campaign's plan.</summary>
public sealed class InteropMatrixSpecs
{
    private static readonly string[] TwoRuns = ["run-1", "run-2"];
    private static readonly string[] BothORus = ["quasar/q-300", "radian/rr-800"];
    private static readonly string[] C2 = ["c2"];
    private static readonly string[] C4 = ["c4"];
    private static readonly string[] C5 = ["c5"];

    [Test]
    public void Matrix_must_judge_the_latest_result_of_each_execution()
    {
        var results = new[]
        {
            Samples.Execution("e1", Verdict.Fail, "run-1"),
            Samples.Execution("e1", Verdict.Pass, "run-2"), // fixed in the newer run
            Samples.Execution("e2", Verdict.Pass, "run-1", Samples.Subject("c2")),
            Samples.Execution("e3", Verdict.Pass, "run-1", Samples.Subject("c3", oRu: "radian/rr-800")),
            Samples.Execution("e3", Verdict.Fail, "run-2", Samples.Subject("c3", oRu: "radian/rr-800")),
        };

        var matrix = InteropMatrix.Build(results, TwoRuns).Single();

        Assert.Multiple(() =>
        {
            Assert.That((matrix.Band, matrix.OperatorProfile), Is.EqualTo(("n78-urban", "operator-a")));
            Assert.That(matrix.ORus, Is.EqualTo(BothORus));
            var fixedCell = matrix.Cells[("xylem/xd-100", "quasar/q-300")];
            Assert.That((fixedCell.State, fixedCell.Label), Is.EqualTo((MatrixState.Pass, "PASS 2/2")));
            Assert.That(fixedCell.Latest.Select(r => r.RunId), Is.EquivalentTo(TwoRuns));
            Assert.That(fixedCell.Versions, Does.Contain("xylem/xd-100 4.2.1").And.Contain("quasar/q-300 sw-7.1"));
            var regressed = matrix.Cells[("xylem/xd-100", "radian/rr-800")];
            Assert.That((regressed.State, regressed.Label), Is.EqualTo((MatrixState.Fail, "FAIL 0/1")));
        });
    }

    [Test]
    public void Matrix_must_show_not_run_and_incompatible_from_the_plan_and_ignore_aborted_results()
    {
        var plan = new MatrixPlan(
            [
                new MatrixPlan.Planned("e1", "n78-urban", "operator-a", "xylem/xd-100", "quasar/q-300", null),
                new MatrixPlan.Planned("e2", "n78-urban", "operator-a", "xylem/xd-100", "quasar/q-300", null),
                new MatrixPlan.Planned("e4", "n78-urban", "operator-a", "polaris/pd-7", "quasar/q-300", null),
            ],
            [new MatrixPlan.Excluded("n78-urban", "operator-a", "polaris/pd-7", "ymir/yr-400", null, "no 4/2/4/6 eAxC split")]);
        var results = new[]
        {
            Samples.Execution("e1", Verdict.Inconclusive, "run-1"),
            Samples.Execution("e4", Verdict.Aborted, "run-1", Samples.Subject(oDu: "polaris/pd-7")),
        };

        var matrix = InteropMatrix.Build(results, ["run-1"], plan: plan).Single();

        Assert.Multiple(() =>
        {
            Assert.That(matrix.Cells[("xylem/xd-100", "quasar/q-300")].Label, Is.EqualTo("INCONCLUSIVE 0/2"));
            Assert.That(matrix.Cells[("polaris/pd-7", "quasar/q-300")].State, Is.EqualTo(MatrixState.NotRun));
            var incompatible = matrix.Cells[("polaris/pd-7", "ymir/yr-400")];
            Assert.That((incompatible.State, incompatible.Incompatible), Is.EqualTo((MatrixState.Incompatible, "no 4/2/4/6 eAxC split")));
        });
    }

    [Test]
    public void Matrix_must_filter_by_band_operator_profile_and_o_cu()
    {
        var withCu = Samples.Subject("c9", band: "n28-rural", operatorProfile: "operator-b");
        withCu = withCu with { Products = withCu.Products.Add(new ProductRef("o-cu", "zephyr/zc-1", "zephyr", "ZC-1", "", "1.0", "")) };
        var results = new[]
        {
            Samples.Execution("e1", Verdict.Pass, "run-1"),
            Samples.Execution("e2", Verdict.Fail, "run-1", withCu),
        };

        var byBand = InteropMatrix.Build(results, ["run-1"], new MatrixQuery { Band = "n28-rural" });
        var byCu = InteropMatrix.Build(results, ["run-1"], new MatrixQuery { OCu = "zephyr/zc-1" });
        var withoutCu = InteropMatrix.Build(results, ["run-1"], new MatrixQuery { OCu = MatrixQuery.NoOCu });

        Assert.Multiple(() =>
        {
            Assert.That(byBand.Select(m => (m.Band, m.OperatorProfile)), Is.EqualTo(new[] { ("n28-rural", "operator-b") }));
            Assert.That(byCu.Single().Cells.Values.Single().State, Is.EqualTo(MatrixState.Fail));
            Assert.That(withoutCu.Single().Band, Is.EqualTo("n78-urban"));
        });
    }

    [Test]
    public void Comparison_must_list_regressions_fixes_new_and_dropped_tests_across_software_versions()
    {
        static ExecutionResult On(string software, string id, string caseId, Verdict verdict)
        {
            var subject = Samples.Subject(caseId);
            subject = subject with { Products = [Samples.ODu(software: software), .. subject.Products.Skip(1)] };
            return Samples.Execution(id, verdict, "run-" + software, subject);
        }

        var before = new[] { On("4.2", "a1", "c1", Verdict.Pass), On("4.2", "a2", "c2", Verdict.Fail),
            On("4.2", "a3", "c3", Verdict.Pass), On("4.2", "a4", "c4", Verdict.Pass) };
        var after = new[] { On("4.3", "b1", "c1", Verdict.Fail), On("4.3", "b2", "c2", Verdict.Pass),
            On("4.3", "b3", "c3", Verdict.Pass), On("4.3", "b5", "c5", Verdict.Inconclusive) };

        var diff = ResultsComparison.Compare(before, after);

        Assert.Multiple(() =>
        {
            Assert.That(diff.Regressions.Select(c => (c.Before.Subject.CaseId, c.After.Outcome.Verdict)),
                Is.EqualTo(new[] { ("c1", Verdict.Fail) }));
            Assert.That(diff.Fixes.Select(c => c.After.Subject.CaseId), Is.EqualTo(C2));
            Assert.That(diff.Unchanged, Is.EqualTo(1));
            Assert.That(diff.NewlyCovered.Select(r => r.Subject.CaseId), Is.EqualTo(C5));
            Assert.That(diff.Dropped.Select(r => r.Subject.CaseId), Is.EqualTo(C4));
        });
    }
}
