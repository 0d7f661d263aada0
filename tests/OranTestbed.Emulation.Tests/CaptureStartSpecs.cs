using OranTestbed.Analysis;
using OranTestbed.Analysis.Reports;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Tests;

/// <summary>
/// A recording rarely starts on a slot boundary: clean emulated traffic cut so that its first frames are missing, as a
/// capture started mid-slot sees it. The DL U-plane whose C-plane went before the first captured frame is "not
/// evaluated", not UPLANE-ORPHAN; a C-plane missing later in the capture is still found.
/// </summary>
public sealed class CaptureStartSpecs
{
    private sealed record Message(byte[] Data, long TimestampNs, bool CPlane, bool Downlink, (long, long, long, long) Slot,
        int Sections);

    [Test]
    public void Capture_starting_mid_slot_must_not_report_the_first_dl_uplane_as_orphan_yet_find_a_later_orphan()
    {
        var profile = Emulate.Profile("n78-100mhz-4t4r-liteon");
        var options = Emulate.Options(profile, durationMs: 20);
        var decode = profile.ToDecodeOptions();
        var all = Read(options, decode);

        // Cut: the capture starts three frames after the first DL U-plane, in the middle of the first slot's U-plane.
        int firstDlUplane = all.FindIndex(m => !m.CPlane && m.Downlink);
        var cut = all.Skip(firstDlUplane + 3).ToList();
        // Later, 10 ms into the capture, one DL C-plane message is lost: its slot's U-plane is orphan for real.
        long start = cut[0].TimestampNs;
        int lostAt = cut.FindIndex(m => m.CPlane && m.Downlink && m.TimestampNs > start + 10_000_000);
        var lost = cut[lostAt];
        cut.RemoveAt(lostAt);

        var captured = cut.Where(m => m.CPlane && m.Downlink).Select(m => m.Slot).ToHashSet();
        var uncovered = cut.Select((m, i) => (Message: m, Frame: i + 1L))
            .Where(x => !x.Message.CPlane && x.Message.Downlink && !captured.Contains(x.Message.Slot)).ToList();
        long atStart = uncovered.Where(x => x.Message.Slot != lost.Slot).Sum(x => (long)x.Message.Sections);
        var orphans = uncovered.Where(x => x.Message.Slot == lost.Slot).ToList();

        var analyzer = new FronthaulAnalyzer(profile, options.EffectiveTap);
        for (int i = 0; i < cut.Count; i++)
        {
            analyzer.Process(cut[i].Data, cut[i].TimestampNs, i + 1);
        }

        var report = analyzer.BuildReport();
        var totals = report.Correlation.Totals;
        Assert.Multiple(() =>
        {
            Assert.That(atStart, Is.Positive, "the cut left U-plane of a slot without its C-plane");
            Assert.That(totals.DlNotEvaluatedAtStart, Is.EqualTo(atStart), report.Describe());
            Assert.That(totals.DlNotEvaluated, Is.EqualTo(atStart));
            Assert.That(report.Correlation.CaptureStartAllowanceNs,
                Is.EqualTo(CUPlaneCorrelatorAllowance(profile)));
            // The later loss: its U-plane is orphan (and the C-plane flow misses one sequence id), nothing else.
            Assert.That(report.Findings.Select(f => (f.Rule.Id, f.Count)), Is.EquivalentTo(new[]
            {
                ("UPLANE-ORPHAN", orphans.Sum(x => (long)x.Message.Sections)), ("SEQ-LOST", 1L),
            }), report.Describe());
            Assert.That(report.Findings.Single(f => f.Rule.Id == "UPLANE-ORPHAN").Examples[0],
                Is.EqualTo(orphans[0].Frame));
            using var summary = new StringWriter();
            AnalysisSummaryWriter.Write(summary, report);
            Assert.That(summary.ToString(), Does.Contain(
                $"{atStart} DL U-plane section(s) not evaluated: their C-plane may precede the capture start"));
            using var json = System.Text.Json.JsonDocument.Parse(AnalysisReportJson.ToJson(report));
            Assert.That(json.RootElement.GetProperty("correlation").GetProperty("dlNotEvaluatedAtStart").GetInt64(),
                Is.EqualTo(atStart));
        });
    }

    /// <summary>One slot at µ = 1 plus the larger of the profile's T1a_max_cp_dl and T2a_max_cp_dl.</summary>
    private static long CUPlaneCorrelatorAllowance(FronthaulProfile profile) =>
        500_000 + Math.Max(profile.DelayManagement.Get(DelayParameter.T1aMaxCpDl) ?? 0, profile.DelayManagement.Get(DelayParameter.T2aMaxCpDl) ?? 0);

    private static List<Message> Read(EmulationOptions options, FronthaulDecodeOptions decode)
    {
        var messages = new List<Message>();
        var emulation = new PairEmulation(options);
        while (emulation.TryReadNext(out var frame))
        {
            var fields = DecodedFields.Of(frame.Data, decode);
            var type = fields["ecpri.type"];
            bool cplane = type.Count > 0 && type[0] == 2;
            bool downlink = fields["oran_fh_cus.data_direction"] is [1, ..];
            // (eAxC ports, frameId, subframeId, slotId): a C-plane message and its U-plane share it.
            var slot = type.Count == 0
                ? default
                : ((fields["oran_fh_cus.du_port_id"][0] * 256) + fields["oran_fh_cus.ru_port_id"][0],
                    fields["oran_fh_cus.frameId"][0], fields["oran_fh_cus.subframe_id"][0], fields["oran_fh_cus.slotId"][0]);
            messages.Add(new Message(frame.Data.ToArray(), frame.TimestampNanoseconds, cplane, downlink, slot,
                fields["oran_fh_cus.startPrbu"].Count));
        }

        return messages;
    }
}
