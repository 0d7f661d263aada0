using CsCheck;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Tests.Transport;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Ecpri;

public class EcpriMessageBodySpecs
{
    private static EcpriMessage First(byte[] frame, int offset = 14)
    {
        var reader = new EcpriPduReader(frame.AsSpan(offset), offset);
        Assert.That(reader.TryReadNext(out var m), Is.True);
        return m;
    }

    private static byte[] Frame(BodyWriter body) => TestFrames.Build(body, EthernetFields.TypeEcpri);

    [Test]
    public void EcpriOneWayDelay_must_read_the_shared_capture_request()
    {
        Assert.That(EcpriOneWayDelay.TryRead(First(SharedCaptureFrames.OneWayDelay), out var d, out _), Is.True);
        Assert.That(d.MeasurementId, Is.EqualTo(1));
        Assert.That(d.ActionType, Is.EqualTo((byte)EcpriDelayAction.Request));
        Assert.That(d.Timestamp, Is.EqualTo(new PtpTimestamp(1_700_000_000, 72_671_875)));
        Assert.That(d.CompensationValue, Is.Zero);
        Assert.That(d.DummyBytes.Length, Is.EqualTo(22));
    }

    [Test]
    public void EcpriOneWayDelay_must_read_a_negative_compensation_value()
    {
        var frame = Frame((ref FrameWriter w) => w.WriteEcpriOneWayDelay(9, 5, new PtpTimestamp(0xFFFFFFFFFFFF, 1), -3L << 16));
        Assert.That(EcpriOneWayDelay.TryRead(First(frame), out var d, out _), Is.True);
        Assert.That((d.CompensationValue, d.Timestamp.Seconds, d.DummyBytes.Length), Is.EqualTo((-3L << 16, 0xFFFFFFFFFFFFUL, 0)));
    }

    [Test]
    public void EcpriOneWayDelay_must_reject_timestamp_nanoseconds_of_a_second_or_more()
    {
        var frame = Frame((ref FrameWriter w) => w.WriteEcpriOneWayDelay(9, 0, new PtpTimestamp(5, 999_999_999), 0));
        Assert.That(EcpriOneWayDelay.TryRead(First(frame), out _, out _), Is.True);

        // Payload: measurementId(1) actionType(1) timestamp(10: seconds 6, nanoseconds 4) after the 4-byte header.
        int nanoseconds = First(frame).PayloadOffset + 2 + 6;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(nanoseconds), 1_000_000_000);
        Assert.That(EcpriOneWayDelay.TryRead(First(frame), out _, out var error), Is.False);
        Assert.That((error.Code, error.Field, error.Offset),
            Is.EqualTo((DecodeErrorCode.InvalidValue, "ecpri.timestamp.nanoseconds", nanoseconds)));
    }

    [Test]
    public void Ecpri_body_views_must_reject_short_payloads_and_wrong_types()
    {
        var shortDelay = Frame((ref FrameWriter w) =>
        {
            int at = w.BeginEcpri(EcpriFields.TypeOneWayDelay);
            w.Reserve(19);
            w.EndEcpri(at);
        });
        Assert.That(EcpriOneWayDelay.TryRead(First(shortDelay), out _, out var e1), Is.False);
        Assert.That((e1.Code, e1.Field, e1.Offset), Is.EqualTo((DecodeErrorCode.LengthMismatch, "ecpri.payloadSize", 16)));

        var shortReset = Frame((ref FrameWriter w) =>
        {
            int at = w.BeginEcpri(EcpriFields.TypeRemoteReset);
            w.WriteUInt16(1);
            w.EndEcpri(at);
        });
        Assert.That(EcpriRemoteReset.TryRead(First(shortReset), out _, out var e2), Is.False);
        Assert.That((e2.Code, e2.Field), Is.EqualTo((DecodeErrorCode.LengthMismatch, "ecpri.payloadSize")));
        Assert.That(EcpriEventIndication.TryRead(First(shortReset), out _, out var e3), Is.False);
        Assert.That((e3.Code, e3.Field, e3.Offset), Is.EqualTo((DecodeErrorCode.UnknownType, "ecpri.messageType", 15)));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(0)]
    public void EcpriEventIndication_must_reject_a_fault_count_that_disagrees_with_the_payload(int count)
    {
        EcpriEventElement[] two = [new(1, 0, 1, 1), new(2, 1, 2, 2)];
        var frame = Frame((ref FrameWriter w) => w.WriteEcpriEventIndication(1, 0, 1, two));
        frame[14 + 4 + 3] = (byte)count;
        Assert.That(EcpriEventIndication.TryRead(First(frame), out _, out var error), Is.False);
        Assert.That((error.Code, error.Field, error.Offset),
            Is.EqualTo((DecodeErrorCode.LengthMismatch, "ecpri.numberOfFaultsNotif", 21)));
    }

    [Test]
    public void EcpriEventIndication_must_read_elements_by_index()
    {
        EcpriEventElement[] elements = [new(0x0001, 1, 0x005, 0xDEADBEEF), new(0xFFFF, 0, 0xFFF, 7)];
        var frame = Frame((ref FrameWriter w) => w.WriteEcpriEventIndication(4, 2, 200, elements));
        Assert.That(EcpriEventIndication.TryRead(First(frame), out var e, out _), Is.True);
        Assert.That((e.EventId, e.EventType, e.SequenceNumber, e.NumberOfFaultsNotif), Is.EqualTo((4, 2, 200, 2)));
        Assert.That(e.TryGetElement(0, out var a) && a == elements[0], Is.True);
        Assert.That(e.TryGetElement(1, out var b) && b == elements[1], Is.True);
        Assert.That(e.TryGetElement(2, out _), Is.False);
    }

    private static readonly Gen<PtpTimestamp> GenTimestamp =
        Gen.Select(Gen.ULong[0, PtpTimestamp.MaxSeconds], Gen.UInt[0, PtpTimestamp.NanosecondsPerSecond - 1],
            (s, ns) => new PtpTimestamp(s, ns));

    [Test]
    public void EcpriOneWayDelay_must_decode_what_the_writer_encodes()
    {
        Gen.Select(Gen.Byte, Gen.Byte, GenTimestamp, Gen.Long, Gen.Int[0, 100], Gen.Bool).Sample((id, action, ts, cv, dummy, udp) =>
        {
            var frame = udp
                ? TestFrames.Build((ref FrameWriter w) => w.WriteEcpriOneWayDelay(id, action, ts, cv, dummy), 0, [],
                    Encapsulation.Ipv6, 1, 2)
                : Frame((ref FrameWriter w) => w.WriteEcpriOneWayDelay(id, action, ts, cv, dummy));
            int offset = udp ? 14 + 48 : 14;
            Assert.That(EcpriOneWayDelay.TryRead(First(frame, offset), out var d, out _), Is.True);
            Assert.That((d.MeasurementId, d.ActionType, d.Timestamp, d.CompensationValue, d.DummyBytes.Length),
                Is.EqualTo((id, action, ts, cv, dummy)));
        });
    }

    [Test]
    public void EcpriRemoteReset_must_decode_what_the_writer_encodes()
    {
        Gen.Select(Gen.UShort, Gen.Byte, Gen.Byte.Array[0, 40]).Sample((id, code, vendor) =>
        {
            var frame = Frame((ref FrameWriter w) => w.WriteEcpriRemoteReset(id, code, vendor));
            Assert.That(EcpriRemoteReset.TryRead(First(frame), out var r, out _), Is.True);
            Assert.That((r.ResetId, r.ResetCodeOp, r.VendorSpecific.ToArray()), Is.EqualTo((id, code, vendor)));
        });
    }

    private static readonly Gen<EcpriEventElement> GenElement = Gen.Select(Gen.UShort, Gen.Byte[0, 15],
        Gen.UShort[0, 0xFFF], Gen.UInt, (id, rc, fn, info) => new EcpriEventElement(id, rc, fn, info));

    [Test]
    public void EcpriEventIndication_must_decode_what_the_writer_encodes()
    {
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, GenElement.Array[0, 20]).Sample((id, type, seq, elements) =>
        {
            var frame = Frame((ref FrameWriter w) => w.WriteEcpriEventIndication(id, type, seq, elements));
            Assert.That(EcpriEventIndication.TryRead(First(frame), out var e, out _), Is.True);
            Assert.That((e.EventId, e.EventType, e.SequenceNumber, (int)e.NumberOfFaultsNotif),
                Is.EqualTo((id, type, seq, elements.Length)));
            for (int i = 0; i < elements.Length; i++)
            {
                Assert.That(e.TryGetElement(i, out var el) && el == elements[i], Is.True);
            }
        });
    }
}
