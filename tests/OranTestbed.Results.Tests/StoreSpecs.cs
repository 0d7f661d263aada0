using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Results.Tests.Support;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Results.Tests;

public sealed class StoreSpecs(DatabaseKind kind) : StoreSpec(kind)
{
    private static readonly string[] Migrations = [
        "V001__results_schema", "V002__accounts", "V003__uploads_and_evidence_checks", "V004__latest_result",
        "V005__verification_queue", "V006__results_version", "V007__account_tokens", "V008__latest_per_versions", "V009__product_index_by_execution", "V010__runs_by_start"];

    [Test]
    public async Task ResultsStore_must_migrate_an_empty_database_and_apply_nothing_on_reopen()
    {
        var applied = await Store.AppliedMigrationsAsync();
        Assert.That(applied.Select(m => m.Split('.')[^2]), Is.EqualTo(Migrations));
        await Store.BeginRunAsync(Samples.Run());
        await Store.RecordAsync(Samples.Execution(Samples.Id(1)));

        var reopened = await Target.OpenAsync();

        Assert.That(await reopened.AppliedMigrationsAsync(), Is.EqualTo(applied));
        Assert.That(await reopened.ListExecutionsAsync(), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task ResultsStore_must_migrate_once_when_opened_concurrently()
    {
        await using var fresh = await StoreTarget.CreateAsync(Kind);
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(fresh.OpenAsync)));
        foreach (var store in stores)
        {
            Assert.That(await store.AppliedMigrationsAsync(), Has.Count.EqualTo(Migrations.Length));
        }
    }

    [Test]
    public async Task ResultsStore_must_read_back_what_it_recorded()
    {
        await Store.BeginRunAsync(Samples.Run());
        var recorded = Samples.Execution(Samples.Id(7), Verdict.Fail, reasons: ["dl-throughput 780 < 800Mbps", "second reason"]);

        Assert.That(await Store.RecordAsync(recorded), Is.EqualTo(RecordOutcome.Stored));
        var read = (await Store.ListExecutionsAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(read.RunId, Is.EqualTo(recorded.RunId));
            Assert.That(read.ExecutionId, Is.EqualTo(recorded.ExecutionId));
            Assert.That(read.Subject with { Products = [] }, Is.EqualTo(recorded.Subject with { Products = [] }));
            Assert.That(read.Subject.Products, Is.EqualTo(recorded.Subject.Products));
            Assert.That(read.Outcome with { Reasons = [] }, Is.EqualTo(recorded.Outcome with { Reasons = [] }));
            Assert.That(read.Outcome.Reasons, Is.EqualTo(recorded.Outcome.Reasons));
            Assert.That(read.Metrics, Is.EqualTo(recorded.Metrics));
            Assert.That(read.Measurements.Single().Values, Is.EqualTo(recorded.Measurements.Single().Values));
            Assert.That(read.Measurements.Single() with { Values = [] }, Is.EqualTo(recorded.Measurements.Single() with { Values = [] }));
        });
    }

    [Test]
    public async Task ResultsStore_must_record_the_same_execution_twice_as_one_row_and_refuse_a_different_one()
    {
        await Store.BeginRunAsync(Samples.Run());
        await Store.BeginRunAsync(Samples.Run());
        var result = Samples.Execution(Samples.Id(1));

        Assert.That(await Store.RecordAsync(result), Is.EqualTo(RecordOutcome.Stored));
        Assert.That(await Store.RecordAsync(result), Is.EqualTo(RecordOutcome.AlreadyStored));
        Assert.That(await Store.RecordAsync(result with { Outcome = result.Outcome with { Verdict = Verdict.Fail } }),
            Is.EqualTo(RecordOutcome.Conflict));

        var stored = await Store.ListExecutionsAsync();
        Assert.That(stored, Has.Length.EqualTo(1));
        Assert.That(stored[0].Outcome.Verdict, Is.EqualTo(Verdict.Pass));
        Assert.That(stored[0].Metrics, Has.Length.EqualTo(result.Metrics.Length));
        Assert.That(await Store.ListRunsAsync(), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task ResultsStore_must_replace_an_aborted_execution_by_its_rerun_and_never_a_result_by_an_aborted_one()
    {
        await Store.BeginRunAsync(Samples.Run());
        var aborted = Samples.Execution(Samples.Id(1), Verdict.Aborted, reasons: ["interrupted (Ctrl+C)"]);
        var abortedAgain = Samples.Execution(Samples.Id(1), Verdict.Aborted, reasons: ["interrupted (Ctrl+C) again"]);
        var rerun = Samples.Execution(Samples.Id(1), Verdict.Fail, reasons: ["dl-throughput 780 < 800Mbps"]);
        await using (var capture = new MemoryStream([1, 2, 3]))
        {
            var artifact = await Store.AddArtifactAsync(ArtifactKind.Capture, "capture.pcap", capture);
            aborted = aborted with { Artifacts = [artifact] };
        }

        Assert.That(await Store.RecordAsync(aborted), Is.EqualTo(RecordOutcome.Stored));
        await Store.RecordEvidenceCheckAsync(new EvidenceCheck("demo-20250314-092653", Samples.Id(1), EvidenceStatus.Unchecked,
            Verdict.Aborted, null, "tdd-100mhz-30khz", [], "aborted", Samples.Start));
        Assert.That(await Store.RecordAsync(abortedAgain), Is.EqualTo(RecordOutcome.Stored), "a later aborted attempt");
        Assert.That(await Store.RecordAsync(rerun), Is.EqualTo(RecordOutcome.Stored), "the re-run replaces the aborted attempt");
        Assert.That(await Store.RecordAsync(rerun), Is.EqualTo(RecordOutcome.AlreadyStored));
        Assert.That(await Store.RecordAsync(aborted), Is.EqualTo(RecordOutcome.Conflict), "an aborted attempt never replaces a result");

        var stored = (await Store.ListExecutionsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Outcome.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(stored.Outcome.Reasons, Is.EqualTo(rerun.Outcome.Reasons));
            Assert.That(stored.Metrics, Has.Length.EqualTo(rerun.Metrics.Length));
            Assert.That(stored.Measurements, Has.Length.EqualTo(1));
            Assert.That(stored.Artifacts, Is.Empty, "the aborted attempt's evidence links went with it");
        });
    }

    [Test]
    public async Task ResultsStore_must_refuse_a_NotSet_verdict_of_an_execution_or_a_metric_and_store_nothing()
    {
        await Store.BeginRunAsync(Samples.Run());
        var unjudged = Samples.Execution(Samples.Id(1), Verdict.NotSet);
        var judged = Samples.Execution(Samples.Id(2));
        var unjudgedMetric = judged with { Metrics = [judged.Metrics[0] with { Verdict = Verdict.NotSet }] };

        Assert.Multiple(() =>
        {
            Assert.That(() => Store.RecordAsync(unjudged), Throws.ArgumentException
                .With.Message.Contains("NOT_SET").And.Message.Contains($"execution {Samples.Id(1)}"));
            Assert.That(() => Store.RecordAsync(unjudgedMetric), Throws.ArgumentException
                .With.Message.Contains("NOT_SET").And.Message.Contains("metric dl-throughput"));
        });
        Assert.That(await Store.ListExecutionsAsync(), Is.Empty);
    }

    [Test]
    public void ResultsStore_must_refuse_an_evidence_check_with_a_NotSet_verdict()
    {
        var check = new EvidenceCheck("r1", "e1", EvidenceStatus.Supported, Verdict.Pass, Verdict.NotSet, "tdd-100mhz-30khz", [],
            "re-analysed", Samples.Start);

        Assert.Multiple(() =>
        {
            Assert.That(() => Store.RecordEvidenceCheckAsync(check), Throws.ArgumentException.With.Message.Contains("NOT_SET"));
            Assert.That(() => Store.RecordEvidenceCheckAsync(check with { Claimed = Verdict.NotSet, Analyzed = null }),
                Throws.ArgumentException.With.Message.Contains("NOT_SET"));
        });
    }

    [Test]
    public async Task ResultsStore_must_store_every_execution_exactly_once_under_concurrent_writers()
    {
        await Store.BeginRunAsync(Samples.Run());
        // 4 writers × 100 executions, each execution written by two writers (a resume racing the listener).
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var outcomes = new List<RecordOutcome>();
            for (int i = 0; i < 100; i++)
            {
                int n = (w / 2 * 100) + i;
                outcomes.Add(await Store.RecordAsync(Samples.Execution(Samples.Id(n), subject: Samples.Subject(repetition: n))));
            }

            return outcomes;
        }));
        var all = (await Task.WhenAll(writers)).SelectMany(o => o).ToList();

        var stored = await Store.ListExecutionsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Select(e => e.ExecutionId).Distinct().Count(), Is.EqualTo(200));
            Assert.That(stored, Has.Length.EqualTo(200));
            Assert.That(all.Count(o => o == RecordOutcome.Stored), Is.EqualTo(200));
            Assert.That(all.Count(o => o == RecordOutcome.AlreadyStored), Is.EqualTo(200));
            Assert.That(stored.All(e => e.Metrics.Length == 7), Is.True, "no half-written execution");
        });
    }

    [Test]
    public async Task ResultsStore_must_store_sql_metacharacters_verbatim()
    {
        const string safe = "x'; DROP TABLE execution; -- \"quoted\" \\ back ` tick $1 @RunId :name %_ ? \u0001 end";
        var run = Samples.Run(runId: "run-" + safe, campaign: "camp-" + safe);
        await Store.BeginRunAsync(run);
        var subject = Samples.Subject(caseId: "case-" + safe, band: "band-" + safe, operatorProfile: "op-" + safe, oDu: "v/" + safe);
        var result = Samples.Execution("exec-" + safe, Verdict.Fail, run.RunId, subject, [safe]);

        await Store.RecordAsync(result);
        var read = (await Store.ListExecutionsAsync(new ExecutionFilter { Band = "band-" + safe, Product = "v/" + safe })).Single();

        Assert.Multiple(() =>
        {
            Assert.That(read.RunId, Is.EqualTo("run-" + safe));
            Assert.That(read.ExecutionId, Is.EqualTo("exec-" + safe));
            Assert.That(read.Subject.CaseId, Is.EqualTo("case-" + safe));
            Assert.That(read.Subject.Products[0].Id, Is.EqualTo("v/" + safe));
            Assert.That(read.Outcome.Reasons, Is.EqualTo(new[] { safe }));
        });
        Assert.That((await Store.ListRunsAsync()).Single().CampaignId, Is.EqualTo("camp-" + safe));
    }

    [Test]
    public async Task ResultsStore_must_refuse_nul_characters_on_both_databases()
    {
        await Store.BeginRunAsync(Samples.Run());

        Assert.ThrowsAsync<ArgumentException>(() => Store.RecordAsync(Samples.Execution(Samples.Id(1), reasons: ["a\0b"])));
        Assert.ThrowsAsync<ArgumentException>(() => Store.BeginRunAsync(Samples.Run("bad\0run")));
        Assert.That(await Store.ListExecutionsAsync(), Is.Empty);
    }

    [Test]
    public async Task ResultsStore_must_keep_one_file_per_artifact_content()
    {
        await Store.BeginRunAsync(Samples.Run());
        string capture = Path.Combine(Target.Folder, "capture.pcap");
        await File.WriteAllBytesAsync(capture, [1, 2, 3, 4, 5]);
        string copy = Path.Combine(Target.Folder, "copy.pcap");
        File.Copy(capture, copy);
        string log = Path.Combine(Target.Folder, "run.log");
        await File.WriteAllTextAsync(log, "log line\n");

        await Store.RecordAsync(Samples.Execution(Samples.Id(1)),
            [new ArtifactSource(ArtifactKind.Capture, "e1/capture.pcap", capture), new ArtifactSource(ArtifactKind.Log, "e1/run.log", log)]);
        await Store.RecordAsync(Samples.Execution(Samples.Id(2)), [new ArtifactSource(ArtifactKind.Capture, "e2/capture.pcap", copy)]);

        var executions = await Store.ListExecutionsAsync();
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[] { 1, 2, 3, 4, 5 }));
        Assert.Multiple(() =>
        {
            Assert.That(executions[0].Artifacts.Select(a => (a.Kind, a.Name)),
                Is.EqualTo(new[] { (ArtifactKind.Capture, "e1/capture.pcap"), (ArtifactKind.Log, "e1/run.log") }));
            Assert.That(executions[0].Artifacts[0].Sha256, Is.EqualTo(sha));
            Assert.That(executions[1].Artifacts.Single().Sha256, Is.EqualTo(sha));
            Assert.That(executions[1].Artifacts.Single().Size, Is.EqualTo(5));
            Assert.That(Directory.GetFiles(Store.ArtifactDirectory, "*", SearchOption.AllDirectories), Has.Length.EqualTo(2));
            Assert.That(File.ReadAllBytes(Store.ArtifactPath(sha)), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
        });
    }

    [Test]
    public async Task ResultsStore_must_filter_executions_and_list_runs()
    {
        await Store.BeginRunAsync(Samples.Run("r1"));
        await Store.BeginRunAsync(Samples.Run("r2", "other"));
        await Store.RecordAsync(Samples.Execution(Samples.Id(1), runId: "r1"));
        await Store.RecordAsync(Samples.Execution(Samples.Id(2), Verdict.Fail, "r1", Samples.Subject(band: "n41-rural")));
        await Store.RecordAsync(Samples.Execution(Samples.Id(1), runId: "r2", subject: Samples.Subject(oRu: "zenith/z-1")));
        await Store.FinishRunAsync("r1", Samples.Start.AddHours(1), aborted: true);

        Assert.Multiple(async () =>
        {
            Assert.That((await Store.ListExecutionsAsync(new ExecutionFilter { RunId = "r1" })).Length, Is.EqualTo(2));
            Assert.That((await Store.ListExecutionsAsync(new ExecutionFilter { CampaignId = "other" })).Single().RunId, Is.EqualTo("r2"));
            Assert.That((await Store.ListExecutionsAsync(new ExecutionFilter { Band = "n41-rural" })).Single().ExecutionId, Is.EqualTo(Samples.Id(2)));
            Assert.That((await Store.ListExecutionsAsync(new ExecutionFilter { Verdict = Verdict.Fail })).Length, Is.EqualTo(1));
            Assert.That((await Store.ListExecutionsAsync(new ExecutionFilter { Product = "zenith/z-1" })).Single().RunId, Is.EqualTo("r2"));
            var runs = await Store.ListRunsAsync();
            Assert.That(string.Join(",", runs.Select(r => r.RunId)), Is.EqualTo("r1,r2"));
            Assert.That(runs[0].Aborted, Is.True);
            Assert.That(runs[0].FinishedAt, Is.EqualTo(Samples.Start.AddHours(1)));
            Assert.That(runs[1].FinishedAt, Is.Null);
        });
    }
}
