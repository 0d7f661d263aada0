using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Inspection;

/// <summary>
/// Renders decoded frames as JSON Lines, one object per frame, with the keys of the <c>decode --format jsonl</c>
/// contract: <c>frame</c>, <c>time</c>, <c>len</c>, <c>vlan</c>, then <c>ecpri</c> with <c>cplane</c> or <c>uplane</c>,
/// or <c>ptp</c>, and <c>errors</c>. Field names follow the O-RAN and eCPRI specifications; one-bit flags are 0/1 as on
/// the wire. Further messages of a concatenated eCPRI PDU go to <c>more</c> (O-RAN traffic does not concatenate).
/// </summary>
public sealed partial class FrameJsonWriter : IFrameVisitor, IDisposable
{
    private readonly Utf8JsonWriter _json;
    private readonly FronthaulDecodeOptions _options;
    private readonly bool _includeIq;
    private readonly int[] _iq = new int[IqBufferSamples];
    private readonly byte[] _prbParams = new byte[MaxPrbs];
    private DecodeError _error;
    private bool _vlanWritten;
    private bool _inPlaneObject;
    private bool _inSections;
    private bool _inMoreArray;
    private bool _inMoreEntry;

    // Enough for the widest section: 255 explicit PRBs or a carrier of up to 1023 PRBs (startPrb is 10 bits).
    private const int MaxPrbs = 1024;
    private const int IqBufferSamples = MaxPrbs * 24;

    public FrameJsonWriter(IBufferWriter<byte> output, FronthaulDecodeOptions options, bool includeIq)
    {
        ArgumentNullException.ThrowIfNull(options);
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = false });
        _options = options;
        _includeIq = includeIq;
    }

    /// <summary>Decodes <paramref name="frame"/> and writes its JSON line; returns the first defect, if any.</summary>
    public DecodeError WriteFrame(long number, long unixNanoseconds, ReadOnlySpan<byte> frame)
    {
        _error = DecodeError.None;
        _vlanWritten = false;
        _inPlaneObject = false;
        _inSections = false;
        _inMoreArray = false;
        _inMoreEntry = false;
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteNumber("frame", number);
        _json.WriteString("time", FormatTime(unixNanoseconds));
        _json.WriteNumber("len", frame.Length);
        var self = this;
        FrameDecoder.Decode(frame, _options, ref self, out _);
        CloseMessage();
        if (_inMoreArray)
        {
            _json.WriteEndArray();
            _inMoreArray = false;
        }

        if (!_vlanWritten)
        {
            _json.WriteStartArray("vlan");
            _json.WriteEndArray();
        }

        WriteErrors();
        _json.WriteEndObject();
        _json.Flush();
        return _error;
    }

    /// <summary>Unix seconds with nine decimals, exact (no floating point).</summary>
    public static string FormatTime(long unixNanoseconds)
    {
        long seconds = Math.DivRem(unixNanoseconds, 1_000_000_000, out long fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{fraction:D9}");
    }

    public void OnTransport(in FronthaulTransport transport)
    {
        _json.WriteStartArray("vlan");
        for (int i = 0; transport.Ethernet.TryGetVlanTag(i, out var tag); i++)
        {
            _json.WriteNumberValue(tag.VlanId);
        }

        _json.WriteEndArray();
        _vlanWritten = true;
    }

    public void OnEcpriMessage(in EcpriMessage message, int index)
    {
        if (index == 1)
        {
            _json.WriteStartArray("more");
            _inMoreArray = true;
        }

        if (index >= 1)
        {
            _json.WriteStartObject();
            _inMoreEntry = true;
        }

        _json.WriteStartObject("ecpri");
        _inPlaneObject = true;
        _json.WriteNumber("revision", message.Revision);
        _json.WriteNumber("concatenation", message.Concatenation ? 1 : 0);
        _json.WriteNumber("messageType", message.MessageType);
        _json.WriteNumber("payloadSize", message.PayloadSize);
    }

    public void OnOranTransportHeader(in OranTransportHeader header)
    {
        var bits = _options.EaxcBits;
        _json.WriteStartObject("eAxC");
        _json.WriteNumber("duPort", header.Eaxc.DuPort(bits));
        _json.WriteNumber("bandSector", header.Eaxc.BandSector(bits));
        _json.WriteNumber("cc", header.Eaxc.Cc(bits));
        _json.WriteNumber("ruPort", header.Eaxc.RuPort(bits));
        _json.WriteNumber("value", header.Eaxc.Value);
        _json.WriteEndObject();
        _json.WriteNumber("seqId", header.SequenceId);
        _json.WriteNumber("eBit", header.EBit ? 1 : 0);
        _json.WriteNumber("subSeqId", header.SubsequenceId);
    }

    public void OnOneWayDelay(in EcpriOneWayDelay delay)
    {
        _json.WriteStartObject("oneWayDelay");
        _json.WriteNumber("measurementId", delay.MeasurementId);
        _json.WriteNumber("actionType", (int)delay.ActionType);
        WriteTimestamp("timestamp", delay.Timestamp);
        _json.WriteNumber("compensationValue", delay.CompensationValue);
        _json.WriteEndObject();
    }

    public void OnRemoteReset(in EcpriRemoteReset reset)
    {
        _json.WriteStartObject("remoteReset");
        _json.WriteNumber("resetId", reset.ResetId);
        _json.WriteNumber("resetCodeOp", reset.ResetCodeOp);
        _json.WriteEndObject();
    }

    public void OnEventIndication(in EcpriEventIndication indication)
    {
        _json.WriteStartObject("eventIndication");
        _json.WriteNumber("eventId", indication.EventId);
        _json.WriteNumber("eventType", indication.EventType);
        _json.WriteNumber("sequenceNumber", indication.SequenceNumber);
        _json.WriteNumber("numberOfFaultsNotif", indication.NumberOfFaultsNotif);
        _json.WriteStartArray("elements");
        for (int i = 0; indication.TryGetElement(i, out var element); i++)
        {
            _json.WriteStartObject();
            _json.WriteNumber("elementId", element.ElementId);
            _json.WriteNumber("raiseCease", element.RaiseCease);
            _json.WriteNumber("faultNotif", element.FaultNotification);
            _json.WriteNumber("additionalInformation", element.AdditionalInformation);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    public void OnEcpriMessageEnd() => CloseMessage();

    public void OnError(in DecodeError failure) => _error = failure;

    public void OnPtp(in PtpMessage message) => WritePtp(message);

    public void OnCPlaneHeader(in CPlaneCommonHeader header) => WriteCPlaneHeader(header);

    public void OnCPlaneSection(in CPlaneSection section) => WriteCPlaneSection(section);

    public void OnCPlaneLaaMessage(in CPlaneLaaMessage message) => WriteLaa(message);

    public void OnUPlaneHeader(UPlaneHeader header) => WriteUPlaneHeader(header);

    public void OnUPlaneSection(in UPlaneSection section) => WriteUPlaneSection(section);

    public void Dispose() => _json.Dispose();

    /// <summary>Moves from the <c>ecpri</c> object to its sibling plane object (<c>cplane</c> / <c>uplane</c>).</summary>
    private void StartPlane(string name)
    {
        _json.WriteEndObject();
        _json.WriteStartObject(name);
    }

    private void StartSections()
    {
        _json.WriteStartArray("sections");
        _inSections = true;
    }

    /// <summary>Closes whatever the current eCPRI message opened, also when decoding stopped inside it.</summary>
    private void CloseMessage()
    {
        if (_inSections)
        {
            _json.WriteEndArray();
            _inSections = false;
        }

        if (_inPlaneObject)
        {
            _json.WriteEndObject();
            _inPlaneObject = false;
        }

        if (_inMoreEntry)
        {
            _json.WriteEndObject();
            _inMoreEntry = false;
        }
    }

    private void WriteErrors()
    {
        _json.WriteStartArray("errors");
        if (_error.IsError)
        {
            _json.WriteStartObject();
            _json.WriteString("code", _error.CodeName);
            _json.WriteString("field", _error.Field);
            _json.WriteNumber("offset", _error.Offset);
            _json.WriteString("message", _error.Reason);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }

    private void WriteTimestamp(string name, PtpTimestamp timestamp)
    {
        _json.WriteStartObject(name);
        _json.WriteNumber("seconds", timestamp.Seconds);
        _json.WriteNumber("nanoseconds", timestamp.Nanoseconds);
        _json.WriteEndObject();
    }
}
