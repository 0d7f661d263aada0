using System.Globalization;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests.Transport;

/// <summary>
/// Projects what OUR decoder reads from a frame onto tshark 4.0.17 field names, so that a test can compare the two
/// field by field. Values are normalised to decimal text (tshark prints BASE_HEX fields as 0x.., booleans as 1/0).
/// </summary>
public static class OurFields
{
    public static Dictionary<string, List<string>> Of(byte[] frame, FronthaulDecodeOptions options)
    {
        var f = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        bool ok = FronthaulTransportReader.TryRead(frame, options, out var t);
        string error = t.Error.ToString();
        Assert.That(ok, Is.True, error);
        var eth = t.Ethernet;
        Add(f, "eth.type", eth.TagCount > 0 ? Tag(eth, 0).Tpid : eth.EtherType);
        for (int i = 0; i < eth.TagCount; i++)
        {
            var tag = Tag(eth, i);
            ushort next = i + 1 < eth.TagCount ? Tag(eth, i + 1).Tpid : eth.EtherType;
            // tshark 4.0: an 0x88A8 tag is dissected by "ieee8021ad" (its inner type is ieee8021ah.etype),
            // 0x8100 and 0x9100 tags by "vlan".
            string p = tag.Tpid == EthernetFields.TypeProviderBridging ? "ieee8021ad" : "vlan";
            Add(f, p + ".id", tag.VlanId);
            Add(f, p + ".priority", tag.Pcp);
            Add(f, p + ".dei", tag.Dei ? 1 : 0);
            Add(f, p == "vlan" ? "vlan.etype" : "ieee8021ah.etype", next);
        }

        if (t.IpVersion == 4)
        {
            Assert.That(Ipv4Reader.TryRead(frame.AsSpan(t.IpOffset), t.IpOffset, out var ip, out _), Is.True);
            Add(f, "ip.hdr_len", ip.HeaderLength);
            Add(f, "ip.len", ip.TotalLength);
            Add(f, "ip.id", ip.Identification);
            Add(f, "ip.proto", ip.Protocol);
            Add(f, "ip.ttl", ip.TimeToLive);
            Add(f, "ip.checksum", ip.HeaderChecksum);
            Add(f, "ip.flags.mf", ip.MoreFragments ? 1 : 0);
            Add(f, "ip.flags.df", ip.DontFragment ? 1 : 0);
            Add(f, "ip.checksum.status", ip.HeaderChecksumValid ? 1 : 0);
        }
        else if (t.IpVersion == 6)
        {
            Assert.That(Ipv6Reader.TryRead(frame.AsSpan(t.IpOffset), t.IpOffset, out var ip, out _), Is.True);
            Add(f, "ipv6.plen", ip.PayloadLength);
            Add(f, "ipv6.nxt", ip.NextHeader);
            Add(f, "ipv6.hlim", ip.HopLimit);
            Add(f, "ipv6.flow", ip.FlowLabel);
            Add(f, "ipv6.tclass", ip.TrafficClass);
        }

        if (t.IsUdp)
        {
            Assert.That(UdpReader.TryRead(frame.AsSpan(t.UdpOffset), t.UdpOffset, out var udp, out _), Is.True);
            Add(f, "udp.srcport", udp.SourcePort);
            Add(f, "udp.dstport", udp.DestinationPort);
            Add(f, "udp.length", udp.Length);
            Add(f, "udp.checksum", udp.Checksum);
        }

        if (t.Kind == FronthaulTransportKind.Ecpri)
        {
            AddEcpri(f, t.Payload, t.PayloadOffset);
        }
        else if (t.Kind == FronthaulTransportKind.Ptp)
        {
            AddPtp(f, t.Payload, t.PayloadOffset);
        }

        return f;
    }

    private static VlanTag Tag(EthernetReader eth, int i)
    {
        Assert.That(eth.TryGetVlanTag(i, out var tag), Is.True);
        return tag;
    }

    private static void AddEcpri(Dictionary<string, List<string>> f, ReadOnlySpan<byte> pdu, int offset)
    {
        var reader = new EcpriPduReader(pdu, offset);
        while (reader.TryReadNext(out var m))
        {
            Add(f, "ecpri.revision", m.Revision);
            Add(f, "ecpri.cbit", m.Concatenation ? 1 : 0);
            Add(f, "ecpri.type", m.MessageType);
            Add(f, "ecpri.size", m.PayloadSize);
            if (EcpriOneWayDelay.TryRead(m, out var d, out _))
            {
                Add(f, "ecpri.measurementid", d.MeasurementId);
                Add(f, "ecpri.actiontype", d.ActionType);
                Add(f, "ecpri.sec", (long)d.Timestamp.Seconds);
                Add(f, "ecpri.nanosec", d.Timestamp.Nanoseconds);
                // tshark 4.0.17: ecpri.compval is FT_UINT64, the raw two's-complement bits.
                AddText(f, "ecpri.compval", ((ulong)d.CompensationValue).ToString(CultureInfo.InvariantCulture));
                AddBytes(f, "ecpri.data", d.DummyBytes);
            }
            else if (EcpriRemoteReset.TryRead(m, out var r, out _))
            {
                Add(f, "ecpri.resetid", r.ResetId);
                Add(f, "ecpri.resetcode", r.ResetCodeOp);
                AddBytes(f, "ecpri.data", r.VendorSpecific);
            }
            else if (EcpriEventIndication.TryRead(m, out var e, out _))
            {
                Add(f, "ecpri.eventid", e.EventId);
                Add(f, "ecpri.eventtype", e.EventType);
                Add(f, "ecpri.seqnum", e.SequenceNumber);
                Add(f, "ecpri.numberfaultnotif", e.NumberOfFaultsNotif);
                for (int i = 0; e.TryGetElement(i, out var el); i++)
                {
                    Add(f, "ecpri.elementid", el.ElementId);
                    Add(f, "ecpri.raisecease", el.RaiseCease);
                    Add(f, "ecpri.faultnotif", el.FaultNotification);
                    Add(f, "ecpri.addinfo", el.AdditionalInformation);
                }
            }
        }

        var pduError = reader.Error;
        Assert.That(pduError.IsError, Is.False, pduError.ToString());
    }

    private static void AddPtp(Dictionary<string, List<string>> f, ReadOnlySpan<byte> payload, int offset)
    {
        bool ok = PtpReader.TryRead(payload, offset, out var m, out var error);
        Assert.That(ok, Is.True, error.ToString());
        Add(f, "ptp.v2.majorsdoid", m.MajorSdoId);
        Add(f, "ptp.v2.messagetype", (int)m.MessageType);
        Add(f, "ptp.v2.minorversionptp", m.MinorVersionPtp);
        Add(f, "ptp.v2.versionptp", m.VersionPtp);
        Add(f, "ptp.v2.messagelength", m.MessageLength);
        Add(f, "ptp.v2.domainnumber", m.DomainNumber);
        Add(f, "ptp.v2.minorsdoid", m.MinorSdoId);
        Add(f, "ptp.v2.flags", m.FlagField);
        Add(f, "ptp.v2.flags.twostep", (m.FlagField & 0x0200) != 0 ? 1 : 0);
        Add(f, "ptp.v2.flags.unicast", (m.FlagField & 0x0400) != 0 ? 1 : 0);
        // tshark 4.0.17: correction.ns is the integer part (correctionField >> 16) printed as FT_UINT64.
        AddText(f, "ptp.v2.correction.ns", ((ulong)(m.CorrectionField >> 16)).ToString(CultureInfo.InvariantCulture));
        Add(f, "ptp.v2.messagetypespecific", m.MessageTypeSpecific);
        AddText(f, "ptp.v2.clockidentity", m.SourcePortIdentity.ClockIdentity.ToString(CultureInfo.InvariantCulture));
        Add(f, "ptp.v2.sourceportid", m.SourcePortIdentity.PortNumber);
        Add(f, "ptp.v2.sequenceid", m.SequenceId);
        Add(f, "ptp.v2.controlfield", m.ControlField);
        Add(f, "ptp.v2.logmessageperiod", m.LogMessageInterval);
        string? ts = m.MessageType switch
        {
            PtpMessageType.Sync or PtpMessageType.DelayReq => "ptp.v2.sdr.origintimestamp",
            PtpMessageType.FollowUp => "ptp.v2.fu.preciseorigintimestamp",
            PtpMessageType.DelayResp => "ptp.v2.dr.receivetimestamp",
            PtpMessageType.Announce => "ptp.v2.an.origintimestamp",
            _ => null,
        };
        if (ts is not null)
        {
            Assert.That(m.TryGetTimestamp(out var stamp), Is.True);
            Add(f, ts + ".seconds", (long)stamp.Seconds);
            Add(f, ts + ".nanoseconds", stamp.Nanoseconds);
        }

        if (m.MessageType == PtpMessageType.DelayResp)
        {
            Assert.That(m.TryGetRequestingPortIdentity(out var req), Is.True);
            AddText(f, "ptp.v2.dr.requestingsourceportidentity", req.ClockIdentity.ToString(CultureInfo.InvariantCulture));
            Add(f, "ptp.v2.dr.requestingsourceportid", req.PortNumber);
        }

        if (m.TryGetAnnounce(out var a))
        {
            Add(f, "ptp.v2.an.origincurrentutcoffset", a.CurrentUtcOffset);
            Add(f, "ptp.v2.an.priority1", a.GrandmasterPriority1);
            Add(f, "ptp.v2.an.grandmasterclockclass", a.ClockClass);
            Add(f, "ptp.v2.an.grandmasterclockaccuracy", a.ClockAccuracy);
            Add(f, "ptp.v2.an.grandmasterclockvariance", a.OffsetScaledLogVariance);
            Add(f, "ptp.v2.an.priority2", a.GrandmasterPriority2);
            AddText(f, "ptp.v2.an.grandmasterclockidentity", a.GrandmasterIdentity.ToString(CultureInfo.InvariantCulture));
            Add(f, "ptp.v2.an.localstepsremoved", a.StepsRemoved);
            Add(f, "ptp.v2.timesource", a.TimeSource);
        }
    }

    private static void Add(Dictionary<string, List<string>> f, string name, long value) =>
        AddText(f, name, value.ToString(CultureInfo.InvariantCulture));

    private static void AddBytes(Dictionary<string, List<string>> f, string name, ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            AddText(f, name, Convert.ToHexString(bytes).ToLowerInvariant());
        }
    }

    private static void AddText(Dictionary<string, List<string>> f, string name, string value)
    {
        if (!f.TryGetValue(name, out var list))
        {
            f[name] = list = [];
        }

        list.Add(value);
    }

    /// <summary>Normalises one tshark cell: 0x.. hex → decimal, aa:bb bytes → aabb, True/False → 1/0.</summary>
    public static string Normalise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.Parse(cell.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                .ToString(CultureInfo.InvariantCulture);
        }

        if (cell.Length >= 5 && cell[2] == ':')
        {
            return cell.Replace(":", "", StringComparison.Ordinal);
        }

        return cell switch
        {
            "True" => "1",
            "False" => "0",
            _ => cell,
        };
    }

    /// <summary>
    /// Decodes <paramref name="frames"/> with tshark and asserts, for every frame and every field our decoder produced,
    /// that tshark reports the same occurrences (and that tshark has no occurrences of the fields we did not produce).
    /// </summary>
    public static void AssertTsharkAgrees(IReadOnlyList<byte[]> frames, FronthaulDecodeOptions options,
        IReadOnlyList<string> fieldNames, IEnumerable<string>? extraArguments = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(fieldNames);
        string pcap = PcapFile.Write(frames.Select((b, i) => new TimedFrame(1_700_000_000_000_000_000L + i * 1000L, b)));
        var args = new List<string> { "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE" };
        args.AddRange(extraArguments ?? []);
        var rows = Tshark.Fields(pcap, fieldNames, extraArguments: args);
        Assert.That(rows, Has.Count.EqualTo(frames.Count));
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < frames.Count; i++)
            {
                var ours = Of(frames[i], options);
                foreach (string field in fieldNames)
                {
                    var theirs = rows[i].All(field).Select(Normalise).ToList();
                    var mine = ours.TryGetValue(field, out var v) ? v : [];
                    Assert.That(mine, Is.EqualTo(theirs), $"frame {i + 1} field {field}");
                }
            }
        }
    }
}
