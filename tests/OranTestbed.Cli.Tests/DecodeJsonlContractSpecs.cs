using System.Text.Json;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// The <c>--format jsonl</c> contract of issue 2: one JSON object per frame, keys exactly as listed and in the listed
/// order for every frame kind, time with 9 decimals equal to the pcap timestamp, errors [] for sound frames.
/// Keys our JSON has beyond the contract's list are named here explicitly (<see cref="PtpHeaderKeys"/>, eCPRI
/// types 5/6/7), so adding or dropping any key is noticed.
/// </summary>
public class DecodeJsonlContractSpecs
{
    private static readonly string[] FrameKeysOran = ["frame", "time", "len", "vlan", "ecpri", "{plane}", "errors"];
    private static readonly string[] EcpriOranKeys =
        ["revision", "concatenation", "messageType", "payloadSize", "eAxC", "seqId", "eBit", "subSeqId"];
    private static readonly string[] EaxcKeys = ["duPort", "bandSector", "cc", "ruPort", "value"];
    private static readonly string[] Timing = ["dataDirection", "payloadVersion", "filterIndex", "frameId", "subframeId", "slotId"];
    private static readonly string[] UPlaneSectionKeys =
        ["sectionId", "rb", "symInc", "startPrbu", "numPrbu", "udCompHdr", "exponents", "samples"];

    /// <summary>The contract's ptp keys (messageType, domainNumber, sequenceId, sourcePortIdentity,
    /// logMessageInterval) in its order, interleaved with the rest of the IEEE 1588 common header.</summary>
    private static readonly string[] PtpHeaderKeys =
    [
        "messageType", "majorSdoId", "versionPTP", "minorVersionPTP", "messageLength", "domainNumber", "minorSdoId",
        "flagField", "correctionField", "messageTypeSpecific", "sequenceId", "sourcePortIdentity", "controlField",
        "logMessageInterval",
    ];

    private static readonly string[] EcpriOtherKeys = ["revision", "concatenation", "messageType", "payloadSize"];
    private static readonly string[] FrameKeysPtp = ["frame", "time", "len", "vlan", "ptp", "errors"];
    private static readonly string[] FrameKeysOtherEcpri = ["frame", "time", "len", "vlan", "ecpri", "errors"];
    private static readonly string[] UPlaneKeys = [.. Timing, "symbolId", "sections"];
    private static readonly string[] UdCompHdrKeys = ["udIqWidth", "udCompMeth"];
    private static readonly string[] ExtensionKeys = ["extType", "extLen", "ef"];
    private static readonly int[] EaxcC5A3 = [3, 5, 10, 3, 0xC5A3];
    private static readonly string[] UPlaneSectionKeysWithoutIq = ["sectionId", "rb", "symInc", "startPrbu", "numPrbu", "udCompHdr"];
    private static readonly string[] AllKinds =
    [
        "ptp", "ecpri5", "ecpri6", "ecpri7", "uplane", "st0", "st1", "st3", "st5", "st6", "st7",
        "se1", "se4", "se5", "se6", "se10", "se11", "se12", "se13", "se9",
    ];

    private static readonly string[] ContractPtpKeys = ["messageType", "domainNumber", "sequenceId", "sourcePortIdentity", "logMessageInterval"];

    private static List<JsonElement> DecodeA(out MixedCapture capture)
    {
        capture = MixedCaptures.A();
        var result = CliDecode.Run(capture.Path, capture.Options, iq: true);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonLines.Parse(result);
    }

    private static string[] CPlaneKeys(params string[] typeKeys) =>
        [.. Timing, "startSymbolId", "numberOfSections", "sectionType", .. typeKeys];

    [Test]
    public void Decode_jsonl_keys_must_be_exactly_the_contracts_in_its_order_for_every_frame_kind()
    {
        var frames = DecodeA(out var capture);
        Assert.That(frames, Has.Count.EqualTo(capture.Frames));
        var kinds = new HashSet<string>();
        using (Assert.EnterMultipleScope())
        {
            foreach (var f in frames)
            {
                string at = $"frame {f.GetProperty("frame")}";
                var keys = JsonLines.Keys(f);
                Assert.That(f.GetProperty("errors").GetArrayLength(), Is.Zero, at);
                if (f.TryGetProperty("ptp", out var ptp))
                {
                    kinds.Add("ptp");
                    Assert.That(keys, Is.EqualTo(FrameKeysPtp), at);
                    var ptpKeys = JsonLines.Keys(ptp);
                    Assert.That(ptpKeys.Take(PtpHeaderKeys.Length), Is.EqualTo(PtpHeaderKeys), at);
                    Assert.That(ptpKeys.Where(ContractPtpKeys.Contains), Is.EqualTo(ContractPtpKeys), at);
                    Assert.That(ptpKeys.Skip(PtpHeaderKeys.Length), Is.EqualTo(PtpBodyKeys(ptp.GetProperty("messageType").GetInt32())), at);
                    continue;
                }

                var ecpri = f.GetProperty("ecpri");
                int type = ecpri.GetProperty("messageType").GetInt32();
                if (type is 5 or 6 or 7)
                {
                    kinds.Add("ecpri" + type);
                    Assert.That(keys, Is.EqualTo(FrameKeysOtherEcpri), at);
                    string body = type switch { 5 => "oneWayDelay", 6 => "remoteReset", _ => "eventIndication" };
                    Assert.That(JsonLines.Keys(ecpri), Is.EqualTo(EcpriOtherKeys.Append(body)), at);
                    continue;
                }

                string plane = type == 2 ? "cplane" : "uplane";
                Assert.That(keys, Is.EqualTo(FrameKeysOran.Select(k => k == "{plane}" ? plane : k)), at);
                Assert.That(JsonLines.Keys(ecpri), Is.EqualTo(EcpriOranKeys), at);
                Assert.That(JsonLines.Keys(ecpri.GetProperty("eAxC")), Is.EqualTo(EaxcKeys), at);
                if (type == 0)
                {
                    kinds.Add("uplane");
                    var u = f.GetProperty("uplane");
                    Assert.That(JsonLines.Keys(u), Is.EqualTo(UPlaneKeys), at);
                    foreach (var s in u.GetProperty("sections").EnumerateArray())
                    {
                        Assert.That(JsonLines.Keys(s), Is.EqualTo(UPlaneSectionKeys), at);
                        Assert.That(JsonLines.Keys(s.GetProperty("udCompHdr")), Is.EqualTo(UdCompHdrKeys), at);
                    }

                    continue;
                }

                var c = f.GetProperty("cplane");
                int st = c.GetProperty("sectionType").GetInt32();
                kinds.Add("st" + st);
                string[] expected = st switch
                {
                    0 => CPlaneKeys("timeOffset", "frameStructure", "cpLength", "sections"),
                    1 or 5 => CPlaneKeys("udCompHdr", "sections"),
                    3 => CPlaneKeys("udCompHdr", "timeOffset", "frameStructure", "cpLength", "sections"),
                    6 => CPlaneKeys("numberOfUEs", "ciCompHdr", "sections"),
                    _ => CPlaneKeys("laa"),
                };
                Assert.That(JsonLines.Keys(c), Is.EqualTo(expected), at);
                if (st == 7)
                {
                    continue;
                }

                string[] common = ["sectionId", "rb", "symInc", "startPrbc", "numPrbc", "reMask", "numSymbol", "ef"];
                string[] section = st switch
                {
                    0 => [.. common, "extensions"],
                    1 => [.. common, "beamId", "extensions"],
                    3 => [.. common, "beamId", "freqOffset", "extensions"],
                    5 => [.. common, "ueId", "extensions"],
                    _ => ["rb", "symInc", "startPrbc", "numPrbc", "ef", "ueId", "regularizationFactor", "ciPrbs", "extensions"],
                };
                foreach (var s in c.GetProperty("sections").EnumerateArray())
                {
                    Assert.That(JsonLines.Keys(s), Is.EqualTo(section), at);
                    Assert.That(s.GetProperty("numPrbc").GetInt32(), Is.InRange(0, 255), "numPrbc raw");
                    foreach (var e in s.GetProperty("extensions").EnumerateArray())
                    {
                        Assert.That(JsonLines.Keys(e).Take(3), Is.EqualTo(ExtensionKeys), at);
                        kinds.Add("se" + e.GetProperty("extType").GetInt32());
                    }
                }
            }
        }

        Assert.That(kinds, Is.SupersetOf(AllKinds), "capture (a) covers every frame kind");
    }

    private static string[] PtpBodyKeys(int messageType) => messageType switch
    {
        0 or 1 or 2 => ["originTimestamp"],
        3 => ["requestReceiptTimestamp", "requestingPortIdentity"],
        10 => ["responseOriginTimestamp", "requestingPortIdentity"],
        8 => ["preciseOriginTimestamp"],
        9 => ["receiveTimestamp", "requestingPortIdentity"],
        11 => ["originTimestamp", "currentUtcOffset", "grandmasterPriority1", "grandmasterClockClass",
            "grandmasterClockAccuracy", "grandmasterClockVariance", "grandmasterPriority2", "grandmasterIdentity",
            "stepsRemoved", "timeSource"],
        _ => [],
    };

    [Test]
    public void Decode_jsonl_must_keep_numPrb_0_raw_and_eaxc_value_consistent_with_its_parts()
    {
        var capture = MixedCaptures.B();
        var frames = JsonLines.Parse(CliDecode.Run(capture.Path, capture.Options, iq: true));
        var c = frames[0].GetProperty("cplane").GetProperty("sections")[0];
        Assert.That(c.GetProperty("numPrbc").GetInt32(), Is.Zero);
        var u = frames[1].GetProperty("uplane").GetProperty("sections")[0];
        Assert.That(u.GetProperty("numPrbu").GetInt32(), Is.Zero, "raw numPrbu");
        Assert.That(u.GetProperty("samples").GetArrayLength(), Is.EqualTo(273 * 24), "numPrbu 0 = --prbs 273 PRBs");
        Assert.That(u.GetProperty("exponents").GetArrayLength(), Is.EqualTo(273));
        Assert.That(u.GetProperty("udCompHdr").ValueKind, Is.EqualTo(JsonValueKind.Null), "static compression");

        // 2/6/4/4: 0xC5A3 = 11 | 000101 | 1010 | 0011.
        var eaxc = frames[0].GetProperty("ecpri").GetProperty("eAxC");
        Assert.That(JsonLines.Keys(eaxc).Select(k => eaxc.GetProperty(k).GetInt32()), Is.EqualTo(EaxcC5A3));
    }

    [Test]
    public void Decode_jsonl_time_must_equal_each_pcap_timestamp_including_0_999999999_and_after_2038()
    {
        foreach (var capture in new[] { MixedCaptures.A(), MixedCaptures.D() })
        {
            var frames = JsonLines.Parse(CliDecode.Run(capture.Path, capture.Options));
            var stamps = PcapRecords.Timestamps(capture.Path);
            Assert.That(frames.Select(f => f.GetProperty("time").GetString()), Is.EqualTo(stamps), capture.Name);
        }

        var d = JsonLines.Parse(CliDecode.Run(MixedCaptures.D().Path, MixedCaptures.D().Options));
        Assert.That(d[0].GetProperty("time").GetString(), Is.EqualTo("2208988800.000000000"), "2040, above 2^31 s");
        Assert.That(d[1].GetProperty("time").GetString(), Is.EqualTo("2208988800.999999999"));
    }

    [Test]
    public void Decode_jsonl_without_iq_must_leave_out_exponents_and_samples()
    {
        var frames = JsonLines.Parse(CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options));
        var section = frames[6].GetProperty("uplane").GetProperty("sections")[0];
        Assert.That(JsonLines.Keys(section), Is.EqualTo(UPlaneSectionKeysWithoutIq));
    }
}
