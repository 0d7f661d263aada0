using System.Globalization;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests.CPlane;

/// <summary>
/// Frames built with <c>CPlaneWriter</c> covering section types 0, 1, 3, 5, 6, 7 and extensions 1, 4, 5, 6, 10, 11,
/// 12, 13, 9, 18, decoded by tshark 4.0.17 and by us; every oran_fh_cus field must agree occurrence by occurrence
/// (with tshark 4.0's quirks modelled in <see cref="Tshark40CPlaneView"/>).
/// </summary>
[Category(PeerCategories.Tshark)]
public class CPlaneTsharkAgreementSpecs
{
    [Test]
    public void CPlaneReader_must_agree_with_tshark_on_every_section_type_and_extension()
    {
        var samples = CPlaneSamples.All().ToList();
        long t = 1_700_000_000_000_000_000;
        var pcap = PcapFile.Write(samples.Select((s, i) => new TimedFrame(t + (i * 1000), CPlaneFrames.Frame(s.Message, sequenceId: (byte)i))));
        var fields = Tshark40CPlaneView.FieldNames.Concat(["_ws.malformed", "_ws.expert.message"]).ToList();
        var decoded = Tshark.Fields(pcap, fields, CPlaneSamples.TsharkPreferences);
        Assert.That(decoded, Has.Count.EqualTo(samples.Count));

        int compared = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            var (name, message) = samples[i];
            var tshark = decoded[i];
            var experts = new List<string>();
            var ours = Tshark40CPlaneView.Of(message, CPlaneSamples.Options, experts);
            Assert.That(tshark.All("_ws.expert.message"), Is.EqualTo(experts), $"{name}: tshark expert info");
            Assert.That(tshark.All("_ws.malformed"), Has.Count.EqualTo(experts.Count(m => m.StartsWith("extlen", StringComparison.Ordinal))), $"{name}: tshark reports the frame malformed");
            foreach (var field in Tshark40CPlaneView.FieldNames)
            {
                var expected = tshark.All(field);
                compared += expected.Count;
                var actual = ours.TryGetValue(field, out var list) ? list : [];
                Assert.That(actual, Has.Count.EqualTo(expected.Count),
                    $"{name}: {field} occurrences; tshark [{string.Join(",", expected)}], ours [{string.Join(",", actual)}]");
                for (int k = 0; k < expected.Count; k++)
                {
                    if (Tshark40CPlaneView.IsFloat(field))
                    {
                        double value = double.Parse(expected[k], CultureInfo.InvariantCulture);
                        Assert.That(actual[k], Is.EqualTo(value).Within(1e-5), $"{name}: {field}[{k}]");
                    }
                    else
                    {
                        Assert.That(actual[k], Is.EqualTo(TsharkFrame.ParseLong(expected[k])), $"{name}: {field}[{k}] = {expected[k]}");
                    }
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(400), "field occurrences compared");
    }
}
