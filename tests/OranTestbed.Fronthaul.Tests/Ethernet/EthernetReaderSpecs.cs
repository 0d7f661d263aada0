using CsCheck;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Tests.Transport;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Ethernet;

public class EthernetReaderSpecs
{
    // Shared capture frame 5 (first 18 bytes + eCPRI header): 802.1Q PCP 7 VID 2, EtherType 0xAEFE.
    private static readonly byte[] Frame5Header = TestFrames.Hex("00aabbccdd01 001122334466 8100 e002 aefe 1002001c");

    private static byte[] ThreeTags() => TestFrames.Hex(
        "00aabbccdd01 001122334466 88a8 600a 8100 3014 9100 0fff aefe 10060003 123401" + new string('0', 40));

    [Test]
    public void EthernetReader_must_read_addresses_tag_and_ethertype_of_known_bytes()
    {
        Assert.That(EthernetReader.TryRead(Frame5Header, out var eth, out var error), Is.True);
        Assert.That(error.IsError, Is.False);
        Assert.That(eth.Destination.ToArray(), Is.EqualTo(TestFrames.Destination));
        Assert.That(eth.Source.ToArray(), Is.EqualTo(TestFrames.Source));
        Assert.That(eth.TagCount, Is.EqualTo(1));
        Assert.That(eth.TryGetVlanTag(0, out var tag), Is.True);
        Assert.That(tag, Is.EqualTo(new VlanTag(0x8100, 7, false, 2)));
        Assert.That(eth.EtherType, Is.EqualTo(EthernetFields.TypeEcpri));
        Assert.That(eth.PayloadOffset, Is.EqualTo(18));
        Assert.That(eth.Payload.ToArray(), Is.EqualTo(new byte[] { 0x10, 0x02, 0x00, 0x1c }));
    }

    [Test]
    public void EthernetReader_must_walk_three_qinq_tags_to_the_inner_ethertype()
    {
        Assert.That(EthernetReader.TryRead(ThreeTags(), out var eth, out _), Is.True);
        Assert.That(eth.TagCount, Is.EqualTo(3));
        VlanTag[] expected = [new(0x88A8, 3, false, 10), new(0x8100, 1, true, 20), new(0x9100, 0, false, 4095)];
        for (int i = 0; i < 3; i++)
        {
            Assert.That(eth.TryGetVlanTag(i, out var tag), Is.True);
            Assert.That(tag, Is.EqualTo(expected[i]), $"tag {i}");
        }

        Assert.That(eth.TryGetVlanTag(3, out _), Is.False);
        Assert.That(eth.TryGetVlanTag(-1, out _), Is.False);
        Assert.That(eth.EtherType, Is.EqualTo(EthernetFields.TypeEcpri));
        Assert.That(eth.PayloadOffset, Is.EqualTo(26));
    }

    [Test]
    public void EthernetReader_must_report_truncation_at_every_byte_of_a_three_tag_header()
    {
        var frame = ThreeTags();
        for (int length = 0; length < 26; length++)
        {
            bool ok = EthernetReader.TryRead(frame.AsSpan(0, length), out _, out var error);
            Assert.That(ok, Is.False, $"length {length}");
            Assert.That(error.Code, Is.EqualTo(DecodeErrorCode.Truncated), $"length {length}");
            Assert.That(error.Field, Is.AnyOf("eth.addresses", "eth.type", "vlan.tci", "vlan.etype"));
            Assert.That(error.Offset, Is.InRange(0, length), $"length {length}");
        }

        Assert.That(EthernetReader.TryRead(frame.AsSpan(0, 26), out var eth, out _), Is.True);
        Assert.That(eth.Payload.IsEmpty, Is.True);
    }

    [Test]
    public void EthernetReader_must_name_the_tag_field_a_frame_ends_in()
    {
        var frame = ThreeTags();
        EthernetReader.TryRead(frame.AsSpan(0, 15), out _, out var inTci);
        EthernetReader.TryRead(frame.AsSpan(0, 17), out _, out var inType);
        Assert.That((inTci.Field, inTci.Offset), Is.EqualTo(("vlan.tci", 14)));
        Assert.That((inType.Field, inType.Offset), Is.EqualTo(("vlan.etype", 16)));
    }

    private static readonly Gen<VlanTag> GenTag = Gen.Select(Gen.OneOfConst((ushort)0x8100, (ushort)0x88A8, (ushort)0x9100),
        Gen.Byte[0, 7], Gen.Bool, Gen.UShort[0, 4095], (tpid, pcp, dei, vid) => new VlanTag(tpid, pcp, dei, vid));

    [Test]
    public void EthernetReader_must_decode_what_FrameWriter_encodes()
    {
        Gen.Select(GenTag.Array[0, 5], Gen.UShort.Where(t => !EthernetFields.IsVlanTpid(t))).Sample((tags, type) =>
        {
            var buffer = new byte[128];
            var w = new FrameWriter(buffer);
            w.WriteEthernetHeader(TestFrames.Destination, TestFrames.Source, tags, type);
            int n = w.Finish();
            Assert.That(EthernetReader.TryRead(buffer.AsSpan(0, n), out var eth, out _), Is.True);
            Assert.That(eth.TagCount, Is.EqualTo(tags.Length));
            for (int i = 0; i < tags.Length; i++)
            {
                Assert.That(eth.TryGetVlanTag(i, out var tag) && tag == tags[i], Is.True);
            }

            Assert.That(eth.EtherType, Is.EqualTo(type));
        });
    }
}
