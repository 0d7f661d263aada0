using System.Globalization;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// Bad input never throws out of the decoder or its renderers and never reads past the frame: millions of random and
/// mutated frames (bit flips, byte sets, truncations, extensions, length-field lies, splices) derived from a corpus
/// of valid frames of every layer, under several decoder configurations. Deterministic (fixed seeds); raise the
/// frame counts for a long local campaign with ORAN_FUZZ_FRAMES (total across these tests, e.g. 20000000).
/// </summary>
[Category("Fuzz")]
public class FrameDecoderFuzzSpecs
{
    // Generous bounds: the CI counts finish in well under a minute on 2 cores; these only catch a runaway.
    private const int CancelAfterMs = 10 * 60 * 1000;

    /// <summary>The fields the length-lie mutator must find in the corpus.</summary>
    private static readonly string[] LiedAboutFields =
    [
        "eth.type", "vlan.tpid", "ip.version_ihl", "ip.total_length", "ipv6.payload_length", "udp.length", "ptp.messageLength",
        "ecpri.payloadSize", "ecpri.numberOfFaultsNotif", "cplane.numberOfSections", "cplane.sectionType",
        "cplane.udCompHdr", "cplane.numPrbc", "cplane.extType", "cplane.extLen", "cplane.laaMsgLen",
        "cplane.numberOfUEs", "uplane.numPrbu", "uplane.udCompHdr",
    ];

    [Test]
    public void FuzzCorpus_must_decode_every_seed_without_error_and_cover_every_layer()
    {
        var seeds = FuzzCorpus.Seeds;
        using var harness = new FuzzHarness();
        foreach (var seed in seeds)
        {
            var tally = new Inspection.DecodeTally();
            var error = FrameDecoder.Decode(seed.Frame, seed.Options, ref tally, out var kind);
            Assert.That(error.IsError, Is.False, $"{seed.Name}: {error}");
            Assert.That(kind, seed.Name.Contains("fragment", StringComparison.Ordinal)
                ? Is.EqualTo(FrameKind.IpFragment)
                : Is.AnyOf(FrameKind.Ecpri, FrameKind.Ptp), seed.Name);
            Assert.That(harness.Check(seed.Frame, seed.Options), Is.Null, seed.Name);
        }

        var fields = seeds.SelectMany(s => s.Fields).Select(f => f.Name).ToHashSet();
        Assert.That(fields, Is.SupersetOf(LiedAboutFields));
        Assert.That(seeds.Select(s => s.Name), Has.Some.StartsWith("shared-capture-"));
        Assert.That(seeds.Count(s => s.Name.StartsWith("shared-capture-", StringComparison.Ordinal)), Is.EqualTo(7));
    }

    [Test]
    public void FrameDecoder_must_survive_every_truncation_of_every_seed_under_every_configuration()
    {
        using var harness = new FuzzHarness();
        var failures = new List<string>();
        foreach (var seed in FuzzCorpus.Seeds)
        {
            foreach (var options in FuzzOptions.Variants.Append(seed.Options))
            {
                for (int length = 0; length <= seed.Frame.Length && failures.Count < 10; length++)
                {
                    var frame = seed.Frame.AsSpan(0, length);
                    string? problem;
                    try
                    {
                        problem = harness.Check(frame, options);
                    }
#pragma warning disable CA1031 // Any exception is the finding.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        problem = exception.ToString();
                    }

                    if (problem is not null)
                    {
                        failures.Add($"{seed.Name} cut at {length} ({FuzzOptions.Describe(options)}): {problem}\n  frame {Convert.ToHexString(frame)}");
                    }
                }
            }
        }

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{harness.Frames} truncated frames, {harness.Malformed} malformed"));
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public void FrameDecoder_must_report_every_cut_inside_the_message_as_malformed()
    {
        var silent = new List<string>();
        foreach (var seed in FuzzCorpus.Seeds)
        {
            if (seed.Name.Contains("fragment", StringComparison.Ordinal))
            {
                continue; // reported as a fragment, never decoded
            }

            Assert.That(seed.ContentEnd, Is.InRange(1, seed.Frame.Length), seed.Name);
            for (int length = 0; length < seed.ContentEnd; length++)
            {
                var tally = new Inspection.DecodeTally();
                var error = FrameDecoder.Decode(seed.Frame.AsSpan(0, length), seed.Options, ref tally, out _);
                if (!error.IsError)
                {
                    silent.Add($"{seed.Name} cut at {length} of {seed.ContentEnd}");
                }
            }
        }

        Assert.That(silent, Is.Empty, "a truncated message decoded without error");
    }

    [Test]
    public void FrameDecoder_must_not_let_bytes_after_the_last_message_change_the_decode()
    {
        var random = new Random(0x5EED_0006);
        var differences = new List<string>();
        foreach (var seed in FuzzCorpus.Seeds.Where(s => s.ContentEnd > 0))
        {
            for (int round = 0; round < 50; round++)
            {
                int extra = random.Next(40);
                byte[] reference = [.. seed.Frame, .. new byte[extra]];
                byte[] junk = (byte[])reference.Clone();
                random.NextBytes(junk.AsSpan(seed.ContentEnd));
                string expected = Json(reference, seed.Options);
                string actual = Json(junk, seed.Options);
                if (actual != expected)
                {
                    differences.Add($"{seed.Name}: {Convert.ToHexString(junk)}\n  expected {expected}\n  actual   {actual}");
                    break;
                }
            }
        }

        Assert.That(differences, Is.Empty, string.Join("\n", differences));
    }

    private static string Json(byte[] frame, FronthaulDecodeOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Inspection.FrameJsonWriter(buffer, options, includeIq: true))
        {
            writer.WriteFrame(1, 0, frame);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Test, CancelAfter(CancelAfterMs)]
    public void FrameDecoder_must_survive_random_frames_without_exceptions(CancellationToken cancellation) =>
        Campaign(0x5EED_0001, 200_000, cancellation, Mutation.RandomBytes);

    [Test, CancelAfter(CancelAfterMs)]
    public void FrameDecoder_must_survive_mutated_frames_without_exceptions(CancellationToken cancellation) =>
        Campaign(0x5EED_0002, 900_000, cancellation,
            Mutation.BitFlips, Mutation.ByteSet, Mutation.Truncation, Mutation.Extension, Mutation.Stacked);

    [Test, CancelAfter(CancelAfterMs)]
    public void FrameDecoder_must_survive_length_field_lies_without_exceptions(CancellationToken cancellation) =>
        Campaign(0x5EED_0003, 700_000, cancellation, Mutation.LengthFieldLie, Mutation.LengthFieldLie, Mutation.Stacked);

    [Test, CancelAfter(CancelAfterMs)]
    public void FrameDecoder_must_survive_length_consistent_resizes_without_exceptions(CancellationToken cancellation) =>
        Campaign(0x5EED_0005, 400_000, cancellation, Mutation.ConsistentResize, Mutation.ConsistentResize, Mutation.Stacked);

    [Test, CancelAfter(CancelAfterMs)]
    public void FrameDecoder_must_survive_spliced_frames_without_exceptions(CancellationToken cancellation) =>
        Campaign(0x5EED_0004, 300_000, cancellation, Mutation.Splice);

    private static void Campaign(int seed, long ciFrames, CancellationToken cancellation, params Mutation[] mutations)
    {
        var campaign = new FuzzCampaign(seed, mutations);
        string summary = campaign.Run(FuzzCampaign.Scaled(ciFrames), cancellation);
        TestContext.Out.WriteLine(summary);
        var failures = campaign.Failures;
        Assert.That(failures, Is.Empty,
            $"{summary}\n\n" + string.Join("\n\n", failures.Select((f, i) => $"#{i + 1} [{f.Signature}] {f}")));
    }
}
