using CsCheck;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Tests.Transport;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Ptp;

public class PtpReaderSpecs
{
    private static readonly PtpPortIdentity Source = new(0x001122FFFE334455, 1);

    [Test]
    public void PtpReader_must_read_the_shared_capture_announce()
    {
        Assert.That(PtpReader.TryRead(SharedCaptureFrames.Announce.AsSpan(14), 14, out var m, out _), Is.True);
        Assert.That(m.MessageType, Is.EqualTo(PtpMessageType.Announce));
        Assert.That((m.VersionPtp, m.MessageLength, m.DomainNumber, m.FlagField), Is.EqualTo((2, 64, 24, 0x003C)));
        Assert.That((m.SourcePortIdentity, m.SequenceId, m.ControlField, m.LogMessageInterval),
            Is.EqualTo((Source, 100, 5, -3)));
        Assert.That(m.TryGetAnnounce(out var a), Is.True);
        Assert.That(a, Is.EqualTo(new PtpAnnounce
        {
            CurrentUtcOffset = 37, GrandmasterPriority1 = 128, ClockClass = 6, ClockAccuracy = 0x21,
            OffsetScaledLogVariance = 0x4E5D, GrandmasterPriority2 = 128, GrandmasterIdentity = 0x001122FFFE334455,
            StepsRemoved = 0, TimeSource = 0x20,
        }));
        Assert.That(m.TryGetRequestingPortIdentity(out _), Is.False);
    }

    [Test]
    public void PtpReader_must_read_the_shared_capture_sync_and_follow_up()
    {
        Assert.That(PtpReader.TryRead(SharedCaptureFrames.Sync.AsSpan(14), 14, out var sync, out _), Is.True);
        Assert.That((sync.MessageType, sync.FlagField, sync.SequenceId, sync.LogMessageInterval),
            Is.EqualTo((PtpMessageType.Sync, 0x0200, 200, -4)));
        Assert.That(sync.MessageLength, Is.EqualTo(44), "Ethernet padding after messageLength is not part of the message");
        Assert.That(PtpReader.TryRead(SharedCaptureFrames.FollowUp.AsSpan(14), 14, out var fu, out _), Is.True);
        Assert.That(fu.TryGetTimestamp(out var ts), Is.True);
        Assert.That(ts, Is.EqualTo(new PtpTimestamp(1_700_000_037, 123_456_789)));
        Assert.That(fu.ControlField, Is.EqualTo(2));
    }

    [TestCase(1_000_000_000u, false)]
    [TestCase(uint.MaxValue, false)]
    [TestCase(999_999_999u, true)]
    public void PtpReader_must_reject_timestamp_nanoseconds_of_a_second_or_more(uint value, bool valid)
    {
        var frame = SharedCaptureFrames.FollowUp.ToArray();
        // preciseOriginTimestamp nanoseconds (IEEE 1588-2019 §5.3.3: below 10^9) at PTP offset 34 + 6.
        const int nanoseconds = 14 + 34 + 6;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(nanoseconds), value);

        Assert.That(PtpReader.TryRead(frame.AsSpan(14), 14, out _, out var error), Is.EqualTo(valid));
        if (!valid)
        {
            Assert.That((error.Code, error.Field, error.Offset),
                Is.EqualTo((DecodeErrorCode.InvalidValue, "ptp.timestamp.nanoseconds", nanoseconds)));
        }
    }

    [Test]
    public void PtpReader_must_decode_signaling_as_header_only()
    {
        var frame = TestFrames.Build((ref FrameWriter w) => w.WritePtpMessage(PtpHeader.V2, PtpMessageType.Signaling,
            new byte[20]), EthernetFields.TypePtp);
        Assert.That(PtpReader.TryRead(frame.AsSpan(14), 14, out var m, out _), Is.True);
        Assert.That((m.MessageType, m.MessageLength, m.Body.Length), Is.EqualTo((PtpMessageType.Signaling, 54, 20)));
        Assert.That(m.TryGetTimestamp(out _), Is.False);
        Assert.That(m.TryGetAnnounce(out _), Is.False);

        var reserved = TestFrames.Build((ref FrameWriter w) => w.WritePtpMessage(PtpHeader.V2, (PtpMessageType)0x5, []),
            EthernetFields.TypePtp);
        Assert.That(PtpReader.TryRead(reserved.AsSpan(14), 14, out var r, out _), Is.True);
        Assert.That(r.TryGetTimestamp(out _), Is.False);
    }

    [TestCase(2, (byte)0x00, (byte)45, "ptp.messageLength", DecodeErrorCode.LengthMismatch, 16)]
    [TestCase(2, (byte)0x00, (byte)43, "ptp.messageLength", DecodeErrorCode.LengthMismatch, 16)]
    [TestCase(1, (byte)0x01, null, "ptp.versionPTP", DecodeErrorCode.InvalidValue, 15)]
    public void PtpReader_must_reject_length_lies_and_other_versions(int at, byte b0, byte? b1, string field,
        DecodeErrorCode code, int offset)
    {
        var frame = SharedCaptureFrames.Sync;
        frame[14 + at] = b0;
        if (b1 is byte b)
        {
            frame[14 + at + 1] = b;
        }

        // 45 still fits the 46 bytes after the Ethernet header; make it overrun instead.
        var span = at == 2 && b1 == 45 ? frame.AsSpan(14, 44) : frame.AsSpan(14);
        Assert.That(PtpReader.TryRead(span, 14, out _, out var error), Is.False);
        Assert.That((error.Code, error.Field, error.Offset), Is.EqualTo((code, field, offset)));
    }

    [Test]
    public void PtpReader_must_report_truncation_at_every_byte_of_every_message_type()
    {
        foreach (var frame in PtpTsharkFrames.L2Frames())
        {
            int length = (frame[16] << 8) | frame[17];
            for (int n = 0; n < length; n++)
            {
                bool ok = PtpReader.TryRead(frame.AsSpan(14, n), 14, out _, out var error);
                Assert.That(ok, Is.False, $"type {frame[14] & 0xF} length {n}");
                Assert.That((error.Code, error.Field), Is.AnyOf(
                    (DecodeErrorCode.Truncated, "ptp.header"), (DecodeErrorCode.LengthMismatch, "ptp.messageLength")));
                Assert.That(error.Offset, Is.InRange(14, 14 + n));
            }
        }
    }

    private static readonly Gen<PtpHeader> GenHeader = Gen.Select(
        Gen.Select(Gen.Byte[0, 15], Gen.Byte[0, 15], Gen.Byte, Gen.Byte, Gen.UShort),
        Gen.Select(Gen.Long, Gen.UInt, Gen.ULong, Gen.UShort, Gen.UShort, Gen.Byte, Gen.SByte),
        (a, b) => new PtpHeader
        {
            MajorSdoId = a.Item1, MinorVersionPtp = a.Item2, VersionPtp = 2, DomainNumber = a.Item3,
            MinorSdoId = a.Item4, FlagField = a.Item5, CorrectionField = b.Item1, MessageTypeSpecific = b.Item2,
            SourcePortIdentity = new PtpPortIdentity(b.Item3, b.Item4), SequenceId = b.Item5, ControlField = b.Item6,
            LogMessageInterval = b.Item7,
        });

    private static readonly Gen<PtpTimestamp> GenTimestamp =
        Gen.Select(Gen.ULong[0, PtpTimestamp.MaxSeconds], Gen.UInt[0, PtpTimestamp.NanosecondsPerSecond - 1],
            (s, ns) => new PtpTimestamp(s, ns));

    private static readonly Gen<PtpAnnounce> GenAnnounce = Gen.Select(
        Gen.Select(GenTimestamp, Gen.Short, Gen.Byte, Gen.Byte, Gen.Byte),
        Gen.Select(Gen.UShort, Gen.Byte, Gen.ULong, Gen.UShort, Gen.Byte),
        (a, b) => new PtpAnnounce
        {
            OriginTimestamp = a.Item1, CurrentUtcOffset = a.Item2, GrandmasterPriority1 = a.Item3, ClockClass = a.Item4,
            ClockAccuracy = a.Item5, OffsetScaledLogVariance = b.Item1, GrandmasterPriority2 = b.Item2,
            GrandmasterIdentity = b.Item3, StepsRemoved = b.Item4, TimeSource = b.Item5,
        });

    private static PtpMessage Read(byte[] frame, out DecodeError error)
    {
        PtpReader.TryRead(frame.AsSpan(14), 14, out var m, out error);
        return m;
    }

    [Test]
    public void PtpReader_must_decode_what_the_writer_encodes_for_every_type()
    {
        Gen.Select(GenHeader, GenTimestamp, GenAnnounce, Gen.Int[0, 4], Gen.Select(Gen.ULong, Gen.UShort))
            .Sample((header, ts, announce, kind, req) =>
            {
                var requesting = new PtpPortIdentity(req.Item1, req.Item2);
                BodyWriter body = kind switch
                {
                    0 => (ref FrameWriter w) => w.WritePtpSync(header, ts),
                    1 => (ref FrameWriter w) => w.WritePtpDelayReq(header, ts),
                    2 => (ref FrameWriter w) => w.WritePtpFollowUp(header, ts),
                    3 => (ref FrameWriter w) => w.WritePtpDelayResp(header, ts, requesting),
                    _ => (ref FrameWriter w) => w.WritePtpAnnounce(header, announce),
                };
                var frame = TestFrames.Build(body, EthernetFields.TypePtp);
                var m = Read(frame, out var error);
                Assert.That(error.IsError, Is.False, error.ToString());
                Assert.That(m.Header, Is.EqualTo(header));
                PtpMessageType[] types = [PtpMessageType.Sync, PtpMessageType.DelayReq, PtpMessageType.FollowUp,
                    PtpMessageType.DelayResp, PtpMessageType.Announce];
                Assert.That(m.MessageType, Is.EqualTo(types[kind]));
                if (kind < 4)
                {
                    Assert.That(m.TryGetTimestamp(out var got) && got == ts, Is.True);
                }

                Assert.That(m.TryGetRequestingPortIdentity(out var r), Is.EqualTo(kind == 3));
                Assert.That(kind != 3 || r == requesting, Is.True);
                Assert.That(m.TryGetAnnounce(out var a), Is.EqualTo(kind == 4));
                Assert.That(kind != 4 || a == announce, Is.True);
            });
    }
}
