using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Tests.Support;

/// <summary>Results as the orchestrator records them, for the specs.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static RunInfo Run(string runId = "demo-20250314-092653", string campaign = "demo") =>
        new(runId, campaign, "sha256:" + new string('a', 64), Start) { CampaignDescription = "Demo campaign" };

    public static ProductRef ODu(string id = "xylem/xd-100", string software = "4.2.1") =>
        new("o-du", id, id.Split('/')[0], "XD-100", "rev-B", software, "fw-1.0");

    public static ProductRef ORu(string id = "quasar/q-300") => new("o-ru", id, id.Split('/')[0], "Q-300 Radio", "hw-2", "sw-7.1", "fw-9");

    public static ExecutionSubject Subject(string caseId = "cu-plane-dl-throughput", string band = "n78-urban",
        string operatorProfile = "operator-a", string oDu = "xylem/xd-100", string oRu = "quasar/q-300", int repetition = 1) =>
        new(band, operatorProfile, "NR-TDD-FR1-CAT-A-NoBF", "O-RAN.WG4.IOT.0", "10.00", "tdd-100mhz-30khz", caseId,
            "DL throughput " + caseId, "mandatory", "O-RAN.WG4.IOT.0 C/U-Plane: DL throughput", repetition, [ODu(oDu), ORu(oRu)]);

    public static ExecutionResult Execution(string executionId, Verdict verdict = Verdict.Pass, string runId = "demo-20250314-092653",
        ExecutionSubject? subject = null, ImmutableArray<string> reasons = default) =>
        new(runId, executionId, subject ?? Subject(),
            new VerdictRecord(verdict, verdict == Verdict.Pass ? 1 : 2, false, reasons.IsDefault ? [] : reasons, "bench-1",
                TimeSpan.FromMilliseconds(1234.5)) { StartedAt = Start.AddMinutes(1) },
            [
                new MetricRecord("dl-throughput", "traffic-tool", Units.Mbps, 812.5m, ">= 800Mbps", verdict == Verdict.Fail ? Verdict.Fail : Verdict.Pass),
                new MetricRecord("rx-late", "o-ru-counters", Units.Count, 0m, "== 0", Verdict.Pass),
                new MetricRecord("ta4-max", "analyzer", Units.Nanosecond, 1500m, "<= 2000ns", Verdict.Pass) { Note = "max over 3 flows" },
                new MetricRecord("on-time", "analyzer", Units.Ratio, 0.995m, ">= 99%", Verdict.Pass),
                new MetricRecord("time-error", "sync-monitor", Units.Ppb, 12.25m, "<= 50ppb", Verdict.Pass),
                new MetricRecord("locked", "o-du-counters", Units.Boolean, 1m, "== true", Verdict.Pass),
                new MetricRecord("prach", "analyzer", Units.Count, null, "== 0", Verdict.Inconclusive) { Note = "no PRACH traffic" },
            ])
        {
            Measurements = [new Measurement("ta4-histogram", Units.Nanosecond, [100m, 250.5m, 1500m]) { Description = "TA4 per flow" }],
        };

    public static string Id(int n) => n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
