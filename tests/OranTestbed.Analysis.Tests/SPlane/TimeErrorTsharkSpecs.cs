using System.Globalization;
using OranTestbed.Emulation.SPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.TestSupport.Peers;
using OranTestbed.TestSupport;

namespace OranTestbed.Analysis.Tests.SPlane;

/// <summary>
/// The frames the time-error specs are built from decode in tshark 4.0.17 as we read them: sequenceId, correctionField
/// (ns and its 2^-16 ns fraction, negative for a Delay_Resp), preciseOriginTimestamp and receiveTimestamp.
/// </summary>
[Category(PeerCategories.Tshark)]
public class TimeErrorTsharkSpecs
{
    private static readonly string[] Fields =
    [
        "ptp.v2.messagetype", "ptp.v2.sequenceid", "ptp.v2.correction.ns", "ptp.v2.correction.subns",
        "ptp.v2.fu.preciseorigintimestamp.seconds", "ptp.v2.fu.preciseorigintimestamp.nanoseconds",
        "ptp.v2.dr.receivetimestamp.seconds", "ptp.v2.dr.receivetimestamp.nanoseconds",
    ];

    [Test]
    public void TimeError_frames_must_decode_in_tshark_as_the_analyzer_reads_them()
    {
        var traffic = new TimeErrorTraffic
        {
            TapOffsetNs = _ => 0.375,
            SyncResidenceNs = 1000.5,
            DelayReqCorrectionNs = 17.25,
            FirstSequence = 65_534,
        }.Run(0.25);
        string pcap = traffic.WritePcap();
        var rows = Tshark.Fields(pcap, Fields);

        Assert.That(rows, Has.Count.EqualTo(traffic.Frames.Count));
        int compared = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var frame = traffic.Frames[i].Bytes;
            Assert.That(PtpReader.TryRead(frame.AsSpan(EthernetFields.HeaderLength), EthernetFields.HeaderLength,
                out var message, out var error), Is.True, error.ToString());
            var row = rows[i];
            long correction = message.CorrectionField;
            ushort sequenceId = message.SequenceId;
            Assert.Multiple(() =>
            {
                Assert.That(row.Number("ptp.v2.sequenceid"), Is.EqualTo(sequenceId), $"frame {i + 1}");
                Assert.That(row.Number("ptp.v2.correction.ns"), Is.EqualTo(correction >> 16), $"frame {i + 1} ns");
                Assert.That(double.Parse(row.All("ptp.v2.correction.subns")[0], CultureInfo.InvariantCulture),
                    Is.EqualTo((correction & 0xFFFF) / 65536.0).Within(1e-6), $"frame {i + 1} sub-ns");
            });
            if (message.TryGetTimestamp(out var timestamp) && message.MessageType is PtpMessageType.FollowUp or PtpMessageType.DelayResp)
            {
                string prefix = message.MessageType == PtpMessageType.FollowUp ? "ptp.v2.fu.preciseorigintimestamp" : "ptp.v2.dr.receivetimestamp";
                Assert.Multiple(() =>
                {
                    Assert.That(row.Number(prefix + ".seconds"), Is.EqualTo((long)timestamp.Seconds));
                    Assert.That(row.Number(prefix + ".nanoseconds"), Is.EqualTo(timestamp.Nanoseconds));
                });
                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(6), "Follow_Ups and Delay_Resps compared");
    }
}
