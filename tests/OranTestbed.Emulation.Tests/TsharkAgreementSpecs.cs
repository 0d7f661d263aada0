using OranTestbed.Capture.Files;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Plans.Personalities;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Emulation.Tests;

/// <summary>
/// Every frame the emulators write is decoded by tshark 4.0.17 without a malformed or expert mark, and tshark and our
/// <c>FrameDecoder</c> agree on every compared field (eAxC, sequence, timing header, sections, every BFP exponent,
/// PTP). A few ms of each shipped profile's traffic: static and dynamic (udCompHdr) compression, µ = 0, 1, 3, eCPRI over
/// Ethernet and over UDP, TDD with PRACH and FDD.
/// </summary>
[Category(PeerCategories.Tshark)]
public sealed class TsharkAgreementSpecs
{
    // Air time in µs: long enough for an UL slot (and its PRACH) and an Announce; two antenna ports keep tshark quick.
    [TestCase("n78-100mhz-4t4r-liteon", 2_500)]
    [TestCase("n3-20mhz-fdd-mu0", 2_000)]
    [TestCase("n257-100mhz-fr2-mu3", 1_250)]
    public void Emulated_frames_must_decode_cleanly_in_tshark_and_agree_with_our_decoder(string profileName, int us)
    {
        var profile = Emulate.Profile(profileName);
        var ports = new ProductSettings(antennaPorts: 2);
        var options = Emulate.Options(profile, Personality.CleanDu() with { Settings = ports },
            Personality.CleanRu() with { Settings = ports }) with { DurationNanoseconds = us * 1_000L };
        var emulation = new PairEmulation(options);
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "tshark-work",
            $"emulated-{profileName}-{Guid.NewGuid():N}.pcap");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var ours = new List<DecodedFields>();
        var decodeOptions = profile.ToDecodeOptions();
        using (var writer = new CaptureFileWriter(path))
        {
            while (emulation.TryReadNext(out var frame))
            {
                writer.Write(frame.Data, frame.TimestampNanoseconds);
                ours.Add(DecodedFields.Of(frame.Data, decodeOptions));
            }
        }

        var rows = Tshark.Fields(path, [.. DecodedFields.Names, "_ws.malformed", "_ws.expert.message"],
            TsharkPreferences.Of(profile), TsharkPreferences.Arguments(profile));
        var report = emulation.BuildReport();
        Assert.That(rows, Has.Count.EqualTo(ours.Count));
        Assert.That(report.PtpFrames + report.RuFrames, Is.Positive, "PTP and UL U-plane are in the sample");
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < rows.Count; i++)
            {
                string at = $"{profileName} frame {i + 1}";
                Assert.That(ours[i].Error.IsError, Is.False, $"{at}: our decoder: {ours[i].Error}");
                Assert.That(rows[i].All("_ws.malformed"), Is.Empty, $"{at}: tshark malformed");
                Assert.That(rows[i].All("_ws.expert.message"), Is.Empty, $"{at}: tshark expert infos");
                foreach (string field in DecodedFields.Names)
                {
                    Assert.That(ours[i][field], Is.EqualTo(rows[i].Numbers(field)), $"{at}: {field}");
                }
            }
        }
    }
}
