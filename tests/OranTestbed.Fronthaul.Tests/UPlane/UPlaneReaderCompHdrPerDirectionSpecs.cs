using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.TestSupport;

namespace OranTestbed.Fronthaul.Tests.UPlane;

/// <summary>udCompHdr presence is configured per direction (M-plane endpoints are per direction; profiles say comp-hdr per dl/ul).</summary>
public class UPlaneReaderCompHdrPerDirectionSpecs
{
    /// <summary>Frame 7 of the shared capture: DL U-plane, udCompHdr 0x91 present, 2 PRBs of BFP 9.</summary>
    private static byte[] Body(bool downlink)
    {
        var frame = PcapFile.ReadAll(TestPaths.SharedCapture)[6];
        int payloadSize = (frame[20] << 8) | frame[21];
        var body = frame[UPlaneTestFrames.BodyOffset..(22 + payloadSize)];
        // dataDirection is bit 7 of the first common-header byte (O-RAN.WG4.CUS §7.5.2.1): 1 = DL.
        body[0] = (byte)(downlink ? body[0] | 0x80 : body[0] & 0x7F);
        return body;
    }

    [TestCase(true, true, false, ExpectedResult = true)]
    [TestCase(true, false, true, ExpectedResult = false)]
    [TestCase(false, false, true, ExpectedResult = true)]
    [TestCase(false, true, false, ExpectedResult = false)]
    public bool UPlaneReader_must_take_udCompHdr_presence_from_the_direction_of_the_message(
        bool downlink, bool downlinkPresent, bool uplinkPresent)
    {
        var options = new FronthaulDecodeOptions
        {
            DownlinkUdCompHdrPresent = downlinkPresent,
            UplinkUdCompHdrPresent = uplinkPresent,
        };
        var reader = new UPlaneReader(Body(downlink), UPlaneTestFrames.BodyOffset, options);
        bool read = reader.TryReadNext(out var section);
        // Without the header the 0x91 byte is read as PRB data at the static BFP 14: the 2 PRBs overrun the payload.
        Assert.That(read, Is.EqualTo(downlink ? downlinkPresent : uplinkPresent), reader.Error.ToString());
        return read && section.HasUdCompHdr;
    }

    [Test]
    public void FronthaulDecodeOptions_UdCompHdrPresent_must_set_both_directions_and_read_true_only_when_both_are()
    {
        var both = new FronthaulDecodeOptions { UdCompHdrPresent = true };
        var downlinkOnly = both with { UplinkUdCompHdrPresent = false };
        using (Assert.EnterMultipleScope())
        {
            Assert.That((both.DownlinkUdCompHdrPresent, both.UplinkUdCompHdrPresent, both.UdCompHdrPresent), Is.EqualTo((true, true, true)));
            Assert.That(downlinkOnly.UdCompHdrPresent, Is.False);
            Assert.That(downlinkOnly.UdCompHdrPresentFor(downlink: true), Is.True);
            Assert.That(downlinkOnly.UdCompHdrPresentFor(downlink: false), Is.False);
            Assert.That((downlinkOnly with { UdCompHdrPresent = false }).UdCompHdrPresentFor(true), Is.False);
        }
    }
}
