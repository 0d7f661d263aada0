using System.Text.Json;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>Malformed frames (exit 1 with the error object / MALFORMED), text and count formats, and --filter.</summary>
public class DecodeFormatSpecs
{
    private static readonly UdCompHdr Bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);
    private static readonly FronthaulDecodeOptions Static9 = new() { DownlinkCompression = Bfp9 };

    /// <summary>A DL U-plane frame whose section claims 5 PRBs of BFP 9 (140 bytes) but carries 2 (56 bytes).</summary>
    private static byte[] OverrunningUPlaneFrame()
    {
        var body = new byte[200];
        var u = new UPlaneWriter(body);
        u.WriteHeader(UPlaneHeader.Create(true, 1, 2, 0, 3));
        u.WriteSectionHeader(7, false, false, 0, 5, null);
        u.WritePrbs(new int[48], Bfp9);
        byte[] written = u.Written.ToArray();
        var buffer = new byte[300];
        var f = new FrameWriter(buffer);
        f.WriteEthernetHeader([0, 0xaa, 0xbb, 0xcc, 0xdd, 1], [0, 0x11, 0x22, 0x33, 0x44, 0x66], [VlanTag.Customer(2, 7)], EthernetFields.TypeEcpri);
        int e = f.BeginEcpri(EcpriFields.TypeIqData);
        f.WriteOranTransportHeader(new EaxcId(1), 0);
        f.WriteBytes(written);
        f.EndEcpri(e);
        return buffer[..f.Finish()];
    }

    /// <summary>The shared capture's 7 frames with the overrunning frame inserted as frame 2.</summary>
    private static string CaptureWithMalformedFrame()
    {
        var frames = PcapFile.ReadAll(TestPaths.SharedCapture);
        frames.Insert(1, OverrunningUPlaneFrame());
        return PcapFile.Write(frames.Select((b, i) => new TimedFrame(1_700_000_000_000_000_000L + (i * 1000L), b)));
    }

    [Test]
    public void Decode_must_exit_1_and_give_the_malformed_frames_error_object_in_jsonl()
    {
        var options = SharedCaptureDecodeSpecs.Options with { UdCompHdrPresent = false };
        var path = PcapFile.Write([new TimedFrame(1, OverrunningUPlaneFrame())]);
        var result = CliDecode.Run(path, options);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Defects), result.ToString());
        Assert.That(result.Stderr, Does.Contain("1 of 1 frame(s) malformed"));
        var frame = JsonLines.Parse(result).Single();
        var errors = frame.GetProperty("errors");
        Assert.That(errors.GetArrayLength(), Is.EqualTo(1));
        var error = errors[0];
        Assert.That(JsonLines.Keys(error), Is.EqualTo(ErrorKeys));
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("section-overruns-payload"));
        Assert.That(error.GetProperty("field").GetString(), Is.EqualTo("numPrbu"));
        // The section starts after Ethernet 14 + VLAN 4 + eCPRI 4 + eAxC/seq 4 + timing 4 = byte 30; numPrbu is its byte 3.
        Assert.That(error.GetProperty("offset").GetInt32(), Is.EqualTo(33));
        Assert.That(error.GetProperty("message").GetString(),
            Is.EqualTo("numPrbu PRBs at this compression need more bytes than the payload has left"));

        // What was decoded before the defect is still there.
        var section = frame.GetProperty("uplane").GetProperty("sections");
        Assert.That(frame.GetProperty("uplane").GetProperty("frameId").GetInt32(), Is.EqualTo(1));
        Assert.That(section.ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public void Decode_text_must_print_one_line_per_frame_and_MALFORMED_for_the_defective_one()
    {
        var path = CaptureWithMalformedFrame();
        var result = CliDecode.Run(path, SharedCaptureDecodeSpecs.Options with { UdCompHdrPresent = false }, DecodeFormat.Text);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Defects), result.ToString());
        Assert.That(result.Lines, Has.Count.EqualTo(8));
        for (int i = 0; i < 8; i++)
        {
            Assert.That(result.Lines[i], Does.StartWith($"#{i + 1} "));
        }

        Assert.That(result.Lines[1], Does.Contain(" | MALFORMED "));
        var json = JsonLines.Parse(CliDecode.Run(path, SharedCaptureDecodeSpecs.Options with { UdCompHdrPresent = false }));
        var error = json[1].GetProperty("errors")[0];
        Assert.That(result.Lines[1], Does.EndWith(
            $"MALFORMED {error.GetProperty("code").GetString()} {error.GetProperty("field").GetString()} at byte {error.GetProperty("offset").GetInt32()}: {error.GetProperty("message").GetString()}"));
        // Frame 8 (the shared frame 7, DL U-plane with udCompHdr) is malformed too without --comp-hdr: 2 of 8.
        Assert.That(result.Stderr, Does.Contain("of 8 frame(s) malformed"));
    }

    [Test]
    public void Decode_text_of_the_shared_capture_must_be_one_sound_line_per_frame()
    {
        var result = CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options, DecodeFormat.Text);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Lines, Has.Count.EqualTo(7));
        Assert.That(result.Lines, Has.None.Contain("MALFORMED"));
        Assert.That(result.Lines[0], Does.StartWith("#1 1700000000.071571875 78B | PTP Announce domain 24 seq 100"));
        Assert.That(result.Lines[6], Does.StartWith("#7 1700000000.073421875 92B vlan 2/pcp 7 | eCPRI U-plane 70B eAxC 0:0:0:1 seq 7 DL 15/3/1 sym 2"));
    }

    [Test]
    public void Decode_count_must_total_the_shared_capture_exactly()
    {
        var result = CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options, DecodeFormat.Count);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Lines, Has.Count.EqualTo(4));
        Assert.That(result.Lines[0], Is.EqualTo("frames 7  bytes 470  eCPRI 4  PTP 3  other 0  IP fragments 0"));
        Assert.That(result.Lines[1], Is.EqualTo(
            "eCPRI messages 4  C-plane messages 2 sections 3 extensions 1  U-plane messages 1 sections 1 PRBs 2  other eCPRI 1  PTP messages 3"));
        Assert.That(result.Lines[2], Is.EqualTo("malformed frames 0"));
        Assert.That(result.Lines[3], Does.StartWith("decoded in "));
    }

    [Test]
    public void Decode_count_must_total_mixed_capture_a_and_name_errors_by_code()
    {
        var capture = MixedCaptures.A();
        var result = CliDecode.Run(capture.Path, capture.Options, DecodeFormat.Count);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        long bytes = PcapFile.ReadAll(capture.Path).Sum(f => (long)f.Length);
        Assert.That(result.Lines[0], Is.EqualTo($"frames 22  bytes {bytes}  eCPRI 13  PTP 9  other 0  IP fragments 0"));
        // C-plane sections 2+2+2+1+2+2+2+0; extensions 4 (ST1 SE1,4,6,12) + 4 (SE10,10,11,11) + 3 (SE5,13,9) +
        // 1 (ST3 SE6) + 4 (ST5 SE4,10,12,13); U-plane sections 2+1, PRBs 3+2+4.
        Assert.That(result.Lines[1], Is.EqualTo(
            "eCPRI messages 13  C-plane messages 8 sections 13 extensions 16  U-plane messages 2 sections 3 PRBs 9  other eCPRI 3  PTP messages 9"));

        var malformed = CliDecode.Run(CaptureWithMalformedFrame(), SharedCaptureDecodeSpecs.Options with { UdCompHdrPresent = false }, DecodeFormat.Count);
        Assert.That(malformed.ExitCode, Is.EqualTo(ExitCodes.Defects));
        Assert.That(malformed.Lines[2], Does.StartWith("malformed frames 2  "));
    }

    [Test]
    public void Decode_filter_must_keep_only_matching_frames()
    {
        var all = JsonLines.Parse(CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options));
        var vlan = CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options, filter: "vlan 2");
        Assert.That(vlan.ExitCode, Is.Zero, vlan.ToString());
        var kept = JsonLines.Parse(vlan);
        Assert.That(kept.Select(f => f.GetProperty("time").GetString()),
            Is.EqualTo(all.Skip(4).Select(f => f.GetProperty("time").GetString())), "frames 5-7 are on VLAN 2");
        Assert.That(kept.Select(f => f.GetProperty("vlan")[0].GetInt32()), Is.All.EqualTo(2));
        Assert.That(kept.Select(f => f.GetProperty("frame").GetInt64()), Is.EqualTo(new long[] { 5, 6, 7 }),
            "frame numbers are the file's, as in Wireshark, also under a filter");

        var ptp = JsonLines.Parse(CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options, filter: "ether proto 0x88f7"));
        Assert.That(ptp.Select(f => f.GetProperty("ptp").GetProperty("sequenceId").GetInt32()), Is.EqualTo(PtpSequenceIds));

        var none = CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options, DecodeFormat.Count, filter: "vlan 99");
        Assert.That(none.ExitCode, Is.Zero);
        Assert.That(none.Lines[0], Does.StartWith("frames 0  bytes 0 "));
    }

    [Test]
    public void Decode_process_jsonl_must_equal_the_in_process_output_and_exit_0()
    {
        // The command of the task brief, run as a real process: same bytes on stdout as CaptureDecoding.Run.
        var process = CliProcess.Run("decode", TestPaths.SharedCapture, "--eaxc-bits", "4,4,4,4", "--comp-hdr",
            "--dl-comp", "bfp:9", "--format", "jsonl", "--iq");
        Assert.That(process.ExitCode, Is.Zero, process.ToString());
        Assert.That(process.Stderr, Is.Empty);
        var inProcess = CliDecode.Run(TestPaths.SharedCapture, SharedCaptureDecodeSpecs.Options, iq: true);
        Assert.That(process.Stdout, Is.EqualTo(inProcess.Stdout));
        Assert.That(process.Lines, Has.Count.EqualTo(7));
    }

    private static readonly string[] ErrorKeys = ["code", "field", "offset", "message"];
    private static readonly int[] PtpSequenceIds = [100, 200, 200];
}
