using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// End to end: captures written by our writers, decoded by <c>oran-testbed decode --format jsonl --iq</c> and by
/// tshark 4.0.17 with the matching preferences; every field tshark emits must agree with our JSON, occurrence by
/// occurrence, through the single table <see cref="Tshark40JsonView"/> (or be listed there as not rendered).
/// </summary>
[Category(PeerCategories.Tshark)]
public class DecodeTsharkAgreementSpecs
{
    private static IEnumerable<TestCaseData> Captures()
    {
        yield return new TestCaseData("a").SetName("Decode_jsonl_must_agree_with_tshark_on_capture_a_4444_vlan_dynamic_bfp9_every_section_type_ptp_ecpri");
        yield return new TestCaseData("b").SetName("Decode_jsonl_must_agree_with_tshark_on_capture_b_2644_no_vlan_static_bfp14_numPrb_0");
        yield return new TestCaseData("c").SetName("Decode_jsonl_must_agree_with_tshark_on_capture_c_9124_qinq_udp_no_compression");
        yield return new TestCaseData("d").SetName("Decode_jsonl_must_agree_with_tshark_on_capture_d_static_ul_bfp12_after_2038");
    }

    internal static MixedCapture Build(string which) => which switch
    {
        "a" => MixedCaptures.A(),
        "b" => MixedCaptures.B(),
        "c" => MixedCaptures.C(),
        _ => MixedCaptures.D(),
    };

    [TestCaseSource(nameof(Captures))]
    public void Decode_jsonl_must_agree_with_tshark(string which)
    {
        var capture = Build(which);
        var result = CliDecode.Run(capture.Path, capture.Options, iq: true);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var frames = JsonLines.Parse(result);
        Assert.That(frames, Has.Count.EqualTo(capture.Frames));

        var fields = Tshark40JsonView.ComparedFields.Concat(["_ws.expert.message"]).ToList();
        var rows = Tshark.Fields(capture.Path, fields, capture.TsharkPreferences, capture.TsharkArguments);
        int compared = TsharkAgreement.AssertAgrees(frames, rows, capture.View, capture.Name);
        // Every frame contributes its frame, ecpri/ptp and plane fields: far more than 20 per frame.
        Assert.That(compared, Is.GreaterThan(20 * capture.Frames), "field occurrences compared");

        Assert.That(TsharkAgreement.UnaccountedFields(capture.Path, capture.TsharkPreferences, capture.TsharkArguments),
            Is.Empty, "fields tshark emits that the table neither compares nor lists as not rendered");
    }

    /// <summary>
    /// Capture (e): dynamic DL (udCompHdr in the DL U-plane sections) with static UL. Neither setting of --comp-hdr
    /// reads both directions; --dl-comp-hdr does, through the command line, and agrees with tshark set up the same way
    /// (ud_comp_hdr_down TRUE, ud_comp_hdr_up FALSE).
    /// </summary>
    [Test]
    public void Decode_must_read_dynamic_dl_with_static_ul_only_with_the_per_direction_comp_hdr_options()
    {
        var capture = MixedCaptures.E();
        string[] common = ["decode", capture.Path, "--format", "jsonl", "--iq", "--eaxc-bits", "4,4,4,4",
            "--dl-comp", "bfp:9", "--ul-comp", "bfp:12"];
        var both = CliProcess.Run([.. common, "--comp-hdr"]);
        var neither = CliProcess.Run(common);
        var perDirection = CliProcess.Run([.. common, "--dl-comp-hdr"]);
        var overBoth = CliProcess.Run([.. common, "--comp-hdr", "--ul-comp-hdr", "false"]);
        Assert.Multiple(() =>
        {
            Assert.That(both.ExitCode, Is.Not.Zero, "--comp-hdr reads a udCompHdr the UL sections do not carry: " + both);
            Assert.That(neither.ExitCode, Is.Not.Zero, "without it the DL sections' udCompHdr is read as IQ: " + neither);
            Assert.That(perDirection.ExitCode, Is.Zero, perDirection.ToString());
            Assert.That(overBoth.Stdout, Is.EqualTo(perDirection.Stdout), "--ul-comp-hdr false over --comp-hdr");
        });

        var frames = JsonLines.Parse(perDirection);
        Assert.That(frames, Has.Count.EqualTo(capture.Frames));
        var fields = Tshark40JsonView.ComparedFields.Concat(["_ws.expert.message"]).ToList();
        var rows = Tshark.Fields(capture.Path, fields, capture.TsharkPreferences, capture.TsharkArguments);
        int compared = TsharkAgreement.AssertAgrees(frames, rows, capture.View, capture.Name);
        Assert.That(compared, Is.GreaterThan(20 * capture.Frames), "field occurrences compared");
    }
}
