using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Inspection;

/// <summary>The C-plane, U-plane and PTP parts of the JSON rendering.</summary>
public sealed partial class FrameJsonWriter
{
    private void WriteTiming(int dataDirection, int payloadVersion, int filterIndex, int frameId, int subframeId,
        int slotId)
    {
        _json.WriteNumber("dataDirection", dataDirection);
        _json.WriteNumber("payloadVersion", payloadVersion);
        _json.WriteNumber("filterIndex", filterIndex);
        _json.WriteNumber("frameId", frameId);
        _json.WriteNumber("subframeId", subframeId);
        _json.WriteNumber("slotId", slotId);
    }

    private void WriteCompHdr(string name, UdCompHdr header)
    {
        _json.WriteStartObject(name);
        _json.WriteNumber("udIqWidth", header.RawIqWidth);
        _json.WriteNumber("udCompMeth", header.RawMethod);
        _json.WriteEndObject();
    }

    private void WriteCPlaneHeader(in CPlaneCommonHeader header)
    {
        StartPlane("cplane");
        WriteTiming(header.DataDirection, header.PayloadVersion, header.FilterIndex, header.FrameId,
            header.SubframeId, header.SlotId);
        _json.WriteNumber("startSymbolId", header.StartSymbolId);
        _json.WriteNumber("numberOfSections", header.NumberOfSections);
        _json.WriteNumber("sectionType", header.SectionTypeValue);
        if (header.HasUdCompHdr)
        {
            WriteCompHdr("udCompHdr", header.UdCompHdr);
        }

        if (header.SectionType is CPlaneSectionType.UnusedResourceBlocks or CPlaneSectionType.Prach)
        {
            _json.WriteNumber("timeOffset", header.TimeOffset);
            _json.WriteStartObject("frameStructure");
            _json.WriteNumber("fftSize", header.FftSize);
            _json.WriteNumber("subcarrierSpacing", header.SubcarrierSpacing);
            _json.WriteEndObject();
            _json.WriteNumber("cpLength", header.CpLength);
        }

        if (header.SectionType == CPlaneSectionType.ChannelInformation)
        {
            _json.WriteNumber("numberOfUEs", header.NumberOfUes);
            _json.WriteStartObject("ciCompHdr");
            _json.WriteNumber("ciIqWidth", header.CiCompHdr.RawIqWidth);
            _json.WriteNumber("ciCompMeth", header.CiCompHdr.Method);
            _json.WriteNumber("ciCompOpt", header.CiCompHdr.ParamPerPrb ? 1 : 0);
            _json.WriteEndObject();
        }

        if (header.SectionType != CPlaneSectionType.Laa)
        {
            StartSections();
        }
    }

    private void WriteLaa(in CPlaneLaaMessage message)
    {
        _json.WriteStartObject("laa");
        _json.WriteNumber("laaMsgType", message.LaaMsgType);
        _json.WriteNumber("laaMsgLen", message.LaaMsgLen);
        _json.WriteBase64String("body", message.Body);
        _json.WriteEndObject();
    }

    private void WriteCPlaneSection(in CPlaneSection section)
    {
        _json.WriteStartObject();
        bool channelInformation = section.SectionType == CPlaneSectionType.ChannelInformation;
        if (!channelInformation)
        {
            _json.WriteNumber("sectionId", section.SectionId);
        }

        _json.WriteNumber("rb", section.Rb ? 1 : 0);
        _json.WriteNumber("symInc", section.SymInc ? 1 : 0);
        _json.WriteNumber("startPrbc", section.StartPrbc);
        _json.WriteNumber("numPrbc", section.NumPrbc);
        if (!channelInformation)
        {
            _json.WriteNumber("reMask", section.ReMask);
            _json.WriteNumber("numSymbol", section.NumSymbol);
        }

        _json.WriteNumber("ef", section.Ef ? 1 : 0);
        switch (section.SectionType)
        {
            case CPlaneSectionType.Normal:
                _json.WriteNumber("beamId", section.BeamId);
                break;
            case CPlaneSectionType.Prach:
                _json.WriteNumber("beamId", section.BeamId);
                _json.WriteNumber("freqOffset", section.FreqOffset);
                break;
            case CPlaneSectionType.UeScheduling:
                _json.WriteNumber("ueId", section.UeId);
                break;
            case CPlaneSectionType.ChannelInformation:
                _json.WriteNumber("ueId", section.UeId);
                _json.WriteNumber("regularizationFactor", section.RegularizationFactor);
                WriteChannelInformation(section);
                break;
        }

        _json.WriteStartArray("extensions");
        var extensions = section.Extensions;
        while (extensions.TryReadNext(out var extension))
        {
            WriteExtension(extension);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    private void WriteChannelInformation(in CPlaneSection section)
    {
        _json.WriteStartArray("ciPrbs");
        for (int prb = 0; prb < section.CiPrbCount; prb++)
        {
            _json.WriteStartObject();
            if (section.CiCompHdr.Method != 0)
            {
                _json.WriteNumber("ciCompParam", section.CiCompParam(prb));
            }

            _json.WriteStartArray("samples");
            for (int antenna = 0; antenna < section.CiAntennas; antenna++)
            {
                _json.WriteNumberValue(section.CiSampleI(prb, antenna));
                _json.WriteNumberValue(section.CiSampleQ(prb, antenna));
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }

    private void WriteUPlaneHeader(UPlaneHeader header)
    {
        StartPlane("uplane");
        WriteTiming(header.DataDirection, header.PayloadVersion, header.FilterIndex, header.FrameId,
            header.SubframeId, header.SlotId);
        _json.WriteNumber("symbolId", header.SymbolId);
        StartSections();
    }

    private void WriteUPlaneSection(in UPlaneSection section)
    {
        _json.WriteStartObject();
        _json.WriteNumber("sectionId", section.SectionId);
        _json.WriteNumber("rb", section.Rb ? 1 : 0);
        _json.WriteNumber("symInc", section.SymInc ? 1 : 0);
        _json.WriteNumber("startPrbu", section.StartPrb);
        _json.WriteNumber("numPrbu", section.NumPrbRaw);
        if (section.HasUdCompHdr)
        {
            WriteCompHdr("udCompHdr", section.Compression);
        }
        else
        {
            _json.WriteNull("udCompHdr");
        }

        if (_includeIq)
        {
            WriteIq(section);
        }

        _json.WriteEndObject();
    }

    private void WriteIq(in UPlaneSection section)
    {
        int samples = section.NumPrb * IqPacking.SamplesPerPrb;
        var iq = _iq.AsSpan(0, samples);
        var parameters = _prbParams.AsSpan(0, section.NumPrb);
        var kind = section.DecompressTo(iq, parameters);
        var method = section.Compression.Method;
        if (IqCompression.ParamLength(method) > 0)
        {
            _json.WriteStartArray(method == CompressionMethod.BlockFloatingPoint ? "exponents" : "compParams");
            foreach (byte parameter in parameters)
            {
                _json.WriteNumberValue(method == CompressionMethod.BlockFloatingPoint ? parameter & 0x0F : parameter);
            }

            _json.WriteEndArray();
        }

        _json.WriteStartArray(kind == IqSampleKind.Linear ? "samples" : "codes");
        foreach (int value in iq)
        {
            _json.WriteNumberValue(value);
        }

        _json.WriteEndArray();
    }

    private void WritePtp(in PtpMessage message)
    {
        _json.WriteStartObject("ptp");
        _json.WriteNumber("messageType", (int)message.MessageType);
        _json.WriteNumber("majorSdoId", message.MajorSdoId);
        _json.WriteNumber("versionPTP", message.VersionPtp);
        _json.WriteNumber("messageLength", message.MessageLength);
        _json.WriteNumber("domainNumber", message.DomainNumber);
        _json.WriteNumber("flagField", message.FlagField);
        _json.WriteNumber("correctionField", message.CorrectionField);
        _json.WriteNumber("sequenceId", message.SequenceId);
        WritePortIdentity("sourcePortIdentity", message.SourcePortIdentity);
        _json.WriteNumber("controlField", message.ControlField);
        _json.WriteNumber("logMessageInterval", message.LogMessageInterval);
        if (message.TryGetTimestamp(out var timestamp))
        {
            WriteTimestamp(TimestampName(message.MessageType), timestamp);
        }

        if (message.TryGetRequestingPortIdentity(out var requesting))
        {
            WritePortIdentity("requestingPortIdentity", requesting);
        }

        if (message.TryGetAnnounce(out var announce))
        {
            _json.WriteNumber("currentUtcOffset", announce.CurrentUtcOffset);
            _json.WriteNumber("grandmasterPriority1", announce.GrandmasterPriority1);
            _json.WriteNumber("grandmasterClockClass", announce.ClockClass);
            _json.WriteNumber("grandmasterClockAccuracy", announce.ClockAccuracy);
            _json.WriteNumber("grandmasterClockVariance", announce.OffsetScaledLogVariance);
            _json.WriteNumber("grandmasterPriority2", announce.GrandmasterPriority2);
            _json.WriteString("grandmasterIdentity", FormatClockIdentity(announce.GrandmasterIdentity));
            _json.WriteNumber("stepsRemoved", announce.StepsRemoved);
            _json.WriteNumber("timeSource", announce.TimeSource);
        }

        _json.WriteEndObject();
    }

    private static string TimestampName(PtpMessageType type) => type switch
    {
        PtpMessageType.FollowUp => "preciseOriginTimestamp",
        PtpMessageType.DelayResp => "receiveTimestamp",
        _ => "originTimestamp",
    };

    private void WritePortIdentity(string name, PtpPortIdentity identity)
    {
        _json.WriteStartObject(name);
        _json.WriteString("clockIdentity", FormatClockIdentity(identity.ClockIdentity));
        _json.WriteNumber("portNumber", identity.PortNumber);
        _json.WriteEndObject();
    }

    /// <summary>Clock identities as 16 hex digits with 0x, the way tshark prints them.</summary>
    private static string FormatClockIdentity(ulong identity) =>
        "0x" + identity.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
