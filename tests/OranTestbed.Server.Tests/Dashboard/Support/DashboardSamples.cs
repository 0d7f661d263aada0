using System.Collections.Immutable;
using OranTestbed.Analysis;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation;
using OranTestbed.Emulation.SPlane;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Profiles;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Server.Tests.Dashboard.Support;

/// <summary>
/// Two runs of lab products (testplans/lab) with real evidence: an analyzer report of 20 ms of emulated n78 traffic
/// (timing windows with 1 µs histograms) and the shared sample capture. Between the runs xylem/xd-100 × quasar/q-300
/// regresses (PASS → FAIL), polaris/pd-7 × quasar/q-300 keeps failing with a hostile reason, and a n28 combination
/// appears (INCONCLUSIVE) whose evidence is an S-plane analysis: a PTP master 80 ns off the tap clock judged against
/// G.8273.2 class C (30 ns), so its time-error section has figures, a failed check and plots. Two later runs feed the
/// readiness page (<see cref="FillReadinessAsync"/>).
/// </summary>
public static class DashboardSamples
{
    public const string OldRun = "run-2025-03-01";
    public const string NewRun = "run-2025-03-08";
    public const string Hostile = "<script>alert('pwned')</script> & \"quoted\"";
    public const string RegressedExecution = "exec-xd100-q300";
    public const string SPlaneExecution = "exec-pd7-yr400";
    public const string ReadyRun = "run-2025-03-15";
    public const string NotReadyRun = "run-2025-03-22";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static ProductRef XylemDu => new("o-du", "xylem/xd-100", "xylem", "XD-100 Baseband Unit", "B2", "5.3.1", "2024.06.2");

    public static ProductRef PolarisDu => new("o-du", "polaris/pd-7", "polaris", "PD-7", "rev D", "23.4.7", "7.12");

    public static ProductRef QuasarRu => new("o-ru", "quasar/q-300", "quasar", "Q-300", "1.2", "4.0.3", "4.0.3");

    public static ProductRef ZephyrRu => new("o-ru", "zephyr/zr-200", "zephyr", "ZR-200", "S2", "1.9.4", "1.9.4");

    public static ProductRef YmirRu => new("o-ru", "ymir/yr-400", "ymir", "YR-400", "A3", "3.8.2", "3.8.2-b17");

    /// <summary>Fills <paramref name="store"/>; the evidence files are written under <paramref name="folder"/>.</summary>
    public static async Task FillAsync(ResultsStore store, string folder)
    {
        string report = WriteAnalysisReport(folder);
        string capture = Path.Combine(TestPaths.RepositoryRoot, "testplans", "captures", "synthetic_oran_fh_min.pcap");
        ArtifactSource[] evidence(string id) =>
            [new(ArtifactKind.AnalysisReport, $"{id}/analysis.json", report), new(ArtifactKind.Capture, $"{id}/capture.pcap", capture)];

        await store.BeginRunAsync(new RunInfo(OldRun, "demo", "sha256:" + new string('a', 64), Start) { CampaignDescription = "Demo campaign" });
        await store.RecordAsync(Execution(OldRun, RegressedExecution, XylemDu, QuasarRu, Verdict.Pass), evidence(RegressedExecution));
        await store.RecordAsync(Execution(OldRun, "exec-xd100-zr200", XylemDu, ZephyrRu, Verdict.Pass));
        await store.RecordAsync(Execution(OldRun, "exec-pd7-q300", PolarisDu, QuasarRu, Verdict.Fail, reason: Hostile));
        await store.FinishRunAsync(OldRun, Start.AddHours(1), aborted: false);

        await store.BeginRunAsync(new RunInfo(NewRun, "demo", "sha256:" + new string('b', 64), Start.AddDays(7)) { CampaignDescription = "Demo campaign" });
        await store.RecordAsync(Execution(NewRun, RegressedExecution, XylemDu with { Software = "5.4.0" }, QuasarRu, Verdict.Fail,
            reason: "ta4-max above the window"), evidence(RegressedExecution));
        await store.RecordAsync(Execution(NewRun, "exec-xd100-zr200", XylemDu with { Software = "5.4.0" }, ZephyrRu, Verdict.Pass));
        await store.RecordAsync(Execution(NewRun, "exec-pd7-q300", PolarisDu, QuasarRu, Verdict.Fail, reason: Hostile));
        string sPlane = Path.Combine(folder, "s-plane-analysis.json");
        File.WriteAllText(sPlane, TimeErrorReport(new TimeErrorTraffic { TapOffsetNs = _ => 80 }.Run(3)));
        await store.RecordAsync(Execution(NewRun, SPlaneExecution, PolarisDu, YmirRu, Verdict.Inconclusive,
            band: "n28-rural", op: "operator-b", reason: "the capture dropped frames: the evidence is incomplete"),
            [new(ArtifactKind.AnalysisReport, $"{SPlaneExecution}/analysis.json", sPlane)]);
        await store.FinishRunAsync(NewRun, Start.AddDays(7).AddHours(1), aborted: false);
        await FillReadinessAsync(store);
    }

    /// <summary>
    /// Two later runs of operator B's site-sharing case (sp-functional-lls-c3) on polaris/pd-7 × radian/rr-800 in its
    /// urban band, as the shipped plan plans it: pd-7 23.4.7 passes; 23.5.0 fails, its master 1500 ns off (te-max-abs
    /// &lt;= 1100ns). The readiness page shows the pair ready with 23.4.7 and not with 23.5.0; no zephyr product takes
    /// part, so the vendor's views and the earlier runs' counts stay as they were.
    /// </summary>
    private static async Task FillReadinessAsync(ResultsStore store)
    {
        foreach (var (run, software, teMaxAbs, days) in new[] { (ReadyRun, "23.4.7", 300m, 14), (NotReadyRun, "23.5.0", 1500m, 21) })
        {
            await store.BeginRunAsync(new RunInfo(run, "operator-b-sharing", "sha256:" + new string('d', 64), Start.AddDays(days)));
            await store.RecordAsync(LabResults.Result(run, "operator-b", "n78-urban", "sp-functional-lls-c3", PolarisDu.Id, "radian/rr-800",
                measured: new Dictionary<string, decimal> { ["te-max-abs"] = teMaxAbs },
                software: new Dictionary<string, string> { [PolarisDu.Id] = software }));
            await store.FinishRunAsync(run, Start.AddDays(days).AddHours(1), aborted: false);
        }
    }

    /// <summary>20 ms of a clean emulated pair on the n78 profile, analysed at the O-RU port: a real analysis.json.</summary>
    private static string WriteAnalysisReport(string folder)
    {
        var profile = FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml"));
        var options = new EmulationOptions
        {
            Profile = profile, Du = Personality.CleanDu(), Ru = Personality.CleanRu(), DurationNanoseconds = 20_000_000, Seed = 7,
            Tap = Fronthaul.Profiles.CaptureTap.Ru,
        };
        var emulation = new PairEmulation(options);
        var analyzer = new FronthaulAnalyzer(options.Profile, options.EffectiveTap);
        while (emulation.TryReadNext(out var frame))
        {
            analyzer.Process(frame);
        }

        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "analysis.json");
        File.WriteAllText(path, AnalysisReportJson.ToJson(analyzer.BuildReport()));
        return path;
    }

    /// <summary>The analysis.json of <paramref name="traffic"/> against the n78 profile judged by G.8273.2 class C.</summary>
    public static string TimeErrorReport(TimeErrorTraffic traffic)
    {
        TimeErrorMasks.TryGet(TimeErrorMasks.G8273ClassC, out var classC);
        var profile = FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml"))
            with { SPlane = classC };
        var analyzer = new FronthaulAnalyzer(profile, Fronthaul.Profiles.CaptureTap.Ru);
        long number = 0;
        foreach (var frame in traffic.Frames)
        {
            analyzer.Process(frame.Bytes, frame.UnixNanoseconds, ++number);
        }

        return AnalysisReportJson.ToJson(analyzer.BuildReport());
    }

    private static ExecutionResult Execution(string run, string id, ProductRef du, ProductRef ru, Verdict verdict,
        string band = "n78-urban", string op = "operator-a", string? reason = null)
    {
        var subject = new ExecutionSubject(band, op, "NR-TDD-FR1-CAT-A-NoBF", "O-RAN.WG4.IOT.0", "10.00", "n78-100mhz-tdd-bfp9-2644",
            "cu-plane-dl", "C/U-plane DL", "mandatory", "O-RAN.WG4.IOT.0 §3.2", 1, [du, ru]);
        var failing = verdict == Verdict.Fail ? Verdict.Fail : Verdict.Pass;
        return new ExecutionResult(run, id, subject,
            new VerdictRecord(verdict, verdict == Verdict.Pass ? 1 : 2, false, reason is null ? [] : [reason], "emulated",
                TimeSpan.FromSeconds(2.5)) { StartedAt = Start },
            ImmutableArray.Create(
                new MetricRecord("ta4-max", "analyzer", Units.Nanosecond, failing == Verdict.Fail ? 2600m : 1500m, "<= 2000ns", failing),
                new MetricRecord("on-time", "analyzer", Units.Ratio, 0.995m, ">= 99%", Verdict.Pass)));
    }
}
