using System.Security.Cryptography;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Tests;

public sealed class DeterminismSpecs
{
    private static readonly Personality DefectiveDu = new("test/du", NodeRole.Du,
        [new SequenceGapDefect(0.01), new DuplicateDefect(0.01), new MissingCPlaneDefect(0.05)])
    {
        DuBehaviour = new DuBehaviour
        {
            DlUPlaneAdvance = new TimeDistribution(WindowTime.FromFraction(0.5), WindowTime.FromFraction(0.1),
                DistributionShape.Normal),
        },
    };

    private static readonly Personality DefectiveRu = new("test/ru", NodeRole.Ru,
        [new LateBurstDefect(0.01, 2), new PrbsBeyondCarrierDefect(0.05)]);

    [Test]
    public void Same_options_and_seed_must_give_the_same_frames_byte_for_byte()
    {
        var options = Emulate.Options(Emulate.Profile("n78-100mhz-4t4r-liteon"), DefectiveDu, DefectiveRu, durationMs: 10);
        var (first, firstReport) = Digest(options);
        var (second, secondReport) = Digest(options);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(secondReport.Frames, Is.EqualTo(firstReport.Frames));
            Assert.That(secondReport.Defects.Select(d => (d.Kind, d.Count)),
                Is.EqualTo(firstReport.Defects.Select(d => (d.Kind, d.Count))));
            Assert.That(secondReport.RuCounters, Is.EqualTo(firstReport.RuCounters));
        });
    }

    [Test]
    public void Another_seed_must_give_other_timing_iq_and_injections()
    {
        var options = Emulate.Options(Emulate.Profile("n78-100mhz-4t4r-liteon"), DefectiveDu, DefectiveRu, durationMs: 10);
        var (first, _) = Digest(options);
        var (other, _) = Digest(options with { Seed = options.Seed + 1 });
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [TestCase(Fronthaul.Profiles.CaptureTap.Ru)]
    [TestCase(Fronthaul.Profiles.CaptureTap.Du)]
    public void Frames_must_come_in_timestamp_order_and_be_numbered_from_one(Fronthaul.Profiles.CaptureTap tap)
    {
        var options = Emulate.Options(Emulate.Profile("n3-20mhz-fdd-mu0"), DefectiveDu, DefectiveRu, durationMs: 10, tap: tap);
        var emulation = new PairEmulation(options);
        long previous = long.MinValue, number = 0, disorder = 0, misnumbered = 0;
        while (emulation.TryReadNext(out var frame))
        {
            disorder += frame.TimestampNanoseconds < previous ? 1 : 0;
            misnumbered += frame.Number != ++number ? 1 : 0;
            previous = frame.TimestampNanoseconds;
        }

        Assert.That((disorder, misnumbered, number > 1000), Is.EqualTo((0L, 0L, true)));
    }

    /// <summary>SHA-256 over every frame's timestamp and bytes.</summary>
    private static (string Digest, Reports.EmulationReport Report) Digest(EmulationOptions options)
    {
        var emulation = new PairEmulation(options);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> stamp = stackalloc byte[8];
        while (emulation.TryReadNext(out var frame))
        {
            BitConverter.TryWriteBytes(stamp, frame.TimestampNanoseconds);
            hash.AppendData(stamp);
            hash.AppendData(frame.Data);
        }

        return (Convert.ToHexString(hash.GetHashAndReset()), emulation.BuildReport());
    }
}
