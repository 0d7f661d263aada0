using CsCheck;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Tests.Transport;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Ecpri;

public class EcpriPduReaderSpecs
{
    private static readonly EcpriEventElement[] Elements = [new(0x0001, 1, 0x005, 0xDEADBEEF), new(0xFFFF, 0, 0x400, 7)];

    /// <summary>One-way delay (payload 23) + remote reset (payload 4) + event indication (payload 20), C = 1, 1, 0.</summary>
    private static void Concatenated(ref FrameWriter w)
    {
        int pdu = w.Position;
        w.WriteEcpriOneWayDelay(7, 2, new PtpTimestamp(1_700_000_000, 5), -65536, 3, concatenation: true);
        w.AlignEcpri(pdu);
        w.WriteEcpriRemoteReset(0xBEEF, 2, [0x01], concatenation: true);
        w.AlignEcpri(pdu);
        w.WriteEcpriEventIndication(1, 0, 9, Elements);
    }

    private static byte[] Frame(BodyWriter body) => TestFrames.Build(body, EthernetFields.TypeEcpri);

    private static List<(int Type, int Size, int Offset, bool C)> ReadAll(byte[] frame, out DecodeError error)
    {
        var list = new List<(int, int, int, bool)>();
        var reader = new EcpriPduReader(frame.AsSpan(14), 14);
        while (reader.TryReadNext(out var m))
        {
            Assert.That(m.Payload.Length, Is.EqualTo(m.PayloadSize));
            Assert.That(m.PayloadOffset, Is.EqualTo(m.Offset + 4));
            list.Add((m.MessageType, m.PayloadSize, m.Offset, m.Concatenation));
        }

        error = reader.Error;
        return list;
    }

    [Test]
    public void EcpriPduReader_must_iterate_every_concatenated_message()
    {
        var frame = Frame(Concatenated);
        var messages = ReadAll(frame, out var error);
        Assert.That(error.IsError, Is.False, error.ToString());
        // 4 + 23 = 27 → next at 28; 28 + 4 + 4 = 36 → next at 36 (already aligned).
        Assert.That(messages, Is.EqualTo(new[] { (5, 23, 14, true), (6, 4, 14 + 28, true), (7, 20, 14 + 36, false) }));
    }

    [Test]
    public void EcpriPduReader_must_read_the_shared_capture_one_way_delay_and_ignore_nothing_after_it()
    {
        var messages = ReadAll(SharedCaptureFrames.OneWayDelay, out var error);
        Assert.That(error.IsError, Is.False);
        Assert.That(messages, Is.EqualTo(new[] { (5, 42, 14, false) }));
    }

    [Test]
    public void EcpriPduReader_must_treat_bytes_after_the_last_message_as_padding()
    {
        var frame = Frame((ref FrameWriter w) => w.WriteEcpriRemoteReset(1, 1));
        Assert.That(frame, Has.Length.EqualTo(60));
        frame[^1] = 0xFF; // junk in the padding is still padding
        var messages = ReadAll(frame, out var error);
        Assert.That((messages.Count, error.IsError), Is.EqualTo((1, false)));
    }

    [Test]
    public void EcpriPduReader_must_reject_a_payload_size_larger_than_what_remains()
    {
        var frame = Frame((ref FrameWriter w) => w.WriteEcpriRemoteReset(1, 1));
        frame[14 + 2] = 0x00;
        frame[14 + 3] = 60 - 14 - 4 + 1; // one byte more than the frame holds
        var messages = ReadAll(frame, out var error);
        Assert.That(messages, Is.Empty);
        Assert.That((error.Code, error.Field, error.Offset), Is.EqualTo((DecodeErrorCode.LengthMismatch, "ecpri.payloadSize", 16)));
    }

    [TestCase((byte)0x12, DecodeErrorCode.ReservedValueSet, "ecpri.reserved")]
    [TestCase((byte)0x18, DecodeErrorCode.ReservedValueSet, "ecpri.reserved")]
    [TestCase((byte)0x20, DecodeErrorCode.InvalidValue, "ecpri.revision")]
    [TestCase((byte)0x00, DecodeErrorCode.InvalidValue, "ecpri.revision")]
    public void EcpriPduReader_must_reject_reserved_bits_and_other_revisions(byte first, DecodeErrorCode code, string field)
    {
        var frame = Frame(Concatenated);
        frame[14 + 28] = first; // the second message's first byte
        var messages = ReadAll(frame, out var error);
        Assert.That(messages, Has.Count.EqualTo(1));
        Assert.That((error.Code, error.Field, error.Offset), Is.EqualTo((code, field, 14 + 28)));
    }

    [Test]
    public void EcpriPduReader_must_reject_a_c_bit_with_no_following_message()
    {
        var frame = Frame(Concatenated);
        var pdu = frame.AsSpan(14, 36 + 4 + 20);
        pdu[36] |= 0x01; // last message claims a successor; the PDU ends right after it
        var reader = new EcpriPduReader(pdu, 14);
        int count = 0;
        while (reader.TryReadNext(out _))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(3));
        Assert.That((reader.Error.Code, reader.Error.Field), Is.EqualTo((DecodeErrorCode.Truncated, "ecpri.header")));
    }

    [Test]
    public void EcpriPduReader_must_report_truncation_at_every_byte_of_every_message_kind()
    {
        BodyWriter[] bodies =
        [
            Concatenated,
            (ref FrameWriter w) => w.WriteEcpriOneWayDelay(1, 0, default, 0, 5),
            (ref FrameWriter w) => w.WriteEcpriRemoteReset(1, 1, [1, 2, 3]),
            (ref FrameWriter w) => w.WriteEcpriEventIndication(1, 2, 3, Elements),
        ];
        foreach (var body in bodies)
        {
            var frame = Frame(body);
            var full = ReadAll(frame, out _);
            var last = full[^1];
            int pduLength = last.Offset - 14 + 4 + last.Size;
            for (int length = 0; length < pduLength; length++)
            {
                var reader = new EcpriPduReader(frame.AsSpan(14, length), 14);
                int count = 0;
                while (reader.TryReadNext(out _))
                {
                    count++;
                }

                Assert.That(count, Is.LessThan(full.Count), $"length {length}");
                Assert.That(reader.Error.Code, Is.AnyOf(DecodeErrorCode.Truncated, DecodeErrorCode.LengthMismatch));
                Assert.That(reader.Error.Field, Is.AnyOf("ecpri.header", "ecpri.payloadSize"));
                Assert.That(reader.Error.Offset, Is.InRange(14, 14 + length), $"length {length}");
            }
        }
    }

    [Test]
    public void OranTransportHeader_must_read_eaxc_and_seqid_of_the_shared_c_plane_frame()
    {
        var reader = new EcpriPduReader(SharedCaptureFrames.CPlaneSt3.AsSpan(18), 18);
        Assert.That(reader.TryReadNext(out var m), Is.True);
        Assert.That(OranTransportHeader.TryRead(m, out var h, out _), Is.True);
        Assert.That(h, Is.EqualTo(new OranTransportHeader(new EaxcId(0x0004), 9, true, 0)));
        Assert.That(h.Eaxc.RuPort(new EaxcBitWidths(4, 4, 4, 4)), Is.EqualTo(4));
    }

    [Test]
    public void OranTransportHeader_must_reject_other_types_and_short_payloads()
    {
        var reset = Frame((ref FrameWriter w) => w.WriteEcpriRemoteReset(1, 1));
        var reader = new EcpriPduReader(reset.AsSpan(14), 14);
        reader.TryReadNext(out var m);
        Assert.That(OranTransportHeader.TryRead(m, out _, out var error), Is.False);
        Assert.That((error.Code, error.Field, error.Offset), Is.EqualTo((DecodeErrorCode.UnknownType, "ecpri.messageType", 15)));

        var shortIq = Frame((ref FrameWriter w) =>
        {
            int at = w.BeginEcpri(EcpriFields.TypeIqData);
            w.WriteUInt16(1);
            w.EndEcpri(at);
        });
        var r2 = new EcpriPduReader(shortIq.AsSpan(14), 14);
        r2.TryReadNext(out var iq);
        Assert.That(OranTransportHeader.TryRead(iq, out _, out var e2), Is.False);
        Assert.That((e2.Code, e2.Field, e2.Offset), Is.EqualTo((DecodeErrorCode.LengthMismatch, "ecpri.payloadSize", 16)));
    }

    [Test]
    public void OranTransportHeader_must_decode_what_FrameWriter_encodes()
    {
        Gen.Select(Gen.UShort, Gen.Byte, Gen.Bool, Gen.Byte[0, 127],
            Gen.OneOfConst(EcpriFields.TypeIqData, EcpriFields.TypeRealTimeControl)).Sample((eaxc, seq, e, sub, type) =>
        {
            var buffer = new byte[64];
            var w = new FrameWriter(buffer);
            int at = w.BeginEcpri(type);
            w.WriteOranTransportHeader(new EaxcId(eaxc), seq, e, sub);
            w.EndEcpri(at);
            var reader = new EcpriPduReader(buffer.AsSpan(0, w.Position));
            Assert.That(reader.TryReadNext(out var m), Is.True);
            Assert.That(OranTransportHeader.TryRead(m, out var h, out _), Is.True);
            Assert.That(h, Is.EqualTo(new OranTransportHeader(new EaxcId(eaxc), seq, e, sub)));
        });
    }
}
