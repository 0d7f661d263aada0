using CsCheck;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.Tests.Compression;

public class IqPackingSpecs
{
    [Test]
    public void IqPacking_must_read_9_bit_samples_msb_first_sign_extended()
    {
        // PRB 0 of the shared capture frame 7 after its exponent byte: first I = 0x192 → −110, first Q = 0.
        byte[] bytes = Convert.FromHexString("c90034df7dd7bb9de5f1773edd3057283dc1196e08daf2d698dd9d");
        var iq = new int[24];
        IqPacking.Unpack(bytes, 9, iq);
        Assert.That(iq[..4], Is.EqualTo(new[] { -110, 0, -90, -9 }));
    }

    [Test]
    public void IqPacking_must_round_trip_every_width()
    {
        Gen.Int[1, 16].SelectMany(w => Gen.Int[IqPacking.MinValue(w), IqPacking.MaxValue(w)].Array[24].Select(a => (w, a)))
            .Sample(t =>
            {
                var bytes = new byte[IqPacking.PackedLength(t.w)];
                IqPacking.Pack(t.a, t.w, bytes);
                var back = new int[24];
                IqPacking.Unpack(bytes, t.w, back);
                Assert.That(back, Is.EqualTo(t.a));
            });
    }
}
