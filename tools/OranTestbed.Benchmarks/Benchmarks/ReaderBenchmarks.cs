using BenchmarkDotNet.Attributes;
using OranTestbed.Benchmarks.Generation;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Benchmarks.Benchmarks;

/// <summary>
/// Each reader alone over realistic input: the frames of the first 2 MB of the 1500-byte capture (U-plane 52- and
/// 13-PRB sections, C-plane ST1, PTP), a C-plane ST1 message with SE1 (32 BFP-9 weights) + SE6, and a G.8275.1
/// Announce. The layer each reader starts at is located once in the setup, so a benchmark times only its reader and
/// reads every field a consumer would. One operation = one frame / message / section (<see cref="Batch"/> per
/// invocation, cycling through the inputs). All must allocate 0 B.
/// </summary>
[Config(typeof(FronthaulBenchmarkConfig))]
public class ReaderBenchmarks : IThroughputBenchmark
{
    public const int Batch = 4096;

    private readonly byte[] _cPlaneExtensions = new byte[FrameFactory.MaxFrameLength];
    private readonly byte[] _announce = new byte[FrameFactory.MaxFrameLength];
    private readonly int[] _iq = new int[52 * IqPacking.SamplesPerPrb];
    private readonly byte[] _exponents = new byte[52];
    private FrameSet _frames = null!;
    private FronthaulDecodeOptions _options = null!;
    private Layer[] _ecpri = [];
    private Layer[] _uPlane = [];
    private Layer[] _cPlane = [];
    private Layer[] _bfp52 = [];
    private Layer _cPlaneExtensionsBody;
    private Layer _announcePayload;
    private int _cPlaneExtensionsLength;
    private int _announceLength;

    [GlobalSetup]
    public void Setup()
    {
        _options = TrafficProfile.DecodeOptions;
        _frames = Workloads.Frames(Workloads.Mtu1500, 2_000_000);
        var ecpri = new List<Layer>();
        var uPlane = new List<Layer>();
        var cPlane = new List<Layer>();
        var bfp = new List<Layer>();
        for (int i = 0; i < _frames.Count; i++)
        {
            if (!FronthaulTransportReader.TryRead(_frames[i], _options, out var transport)
                || transport.Kind != FronthaulTransportKind.Ecpri)
            {
                continue;
            }

            int start = _frames.Offsets[i] + transport.PayloadOffset;
            ecpri.Add(new Layer(start, transport.Payload.Length, transport.PayloadOffset));
            var pdu = new EcpriPduReader(transport.Payload, transport.PayloadOffset);
            pdu.TryReadNext(out var message);
            var body = new Layer(start + EcpriFields.HeaderLength + EcpriFields.TransportHeaderLength,
                message.Payload.Length - EcpriFields.TransportHeaderLength,
                message.PayloadOffset + EcpriFields.TransportHeaderLength);
            if (message.MessageType == EcpriFields.TypeIqData)
            {
                uPlane.Add(body);
                if (body.Length == 4 + 4 + (52 * BfpCodec.PrbSize(TrafficProfile.IqWidth)))
                {
                    bfp.Add(body);
                }
            }
            else
            {
                cPlane.Add(body);
            }
        }

        _ecpri = [.. ecpri];
        _uPlane = [.. uPlane];
        _cPlane = [.. cPlane];
        _bfp52 = [.. bfp];

        _cPlaneExtensionsLength = FrameFactory.CPlaneWithExtensions(_cPlaneExtensions, EaxcId.Compose(TrafficProfile.EaxcBits, 0, 0, 0, 1));
        FronthaulTransportReader.TryRead(_cPlaneExtensions.AsSpan(0, _cPlaneExtensionsLength), _options, out var t);
        _cPlaneExtensionsBody = new Layer(t.PayloadOffset + 8, t.Payload.Length - 8, t.PayloadOffset + 8);

        _announceLength = FrameFactory.PtpAnnounce(_announce, 1, FronthaulTrafficGenerator.StartNanoseconds);
        FronthaulTransportReader.TryRead(_announce.AsSpan(0, _announceLength), _options, out var p);
        _announcePayload = new Layer(p.PayloadOffset, p.Payload.Length, p.PayloadOffset);
    }

    public double BytesPerOperation(string benchmarkMethod) => benchmarkMethod switch
    {
        nameof(TransportClassify) => _frames.AverageFrameBytes,
        nameof(EcpriPduIteration) => Average(_ecpri),
        nameof(CPlaneSt1) => Average(_cPlane),
        nameof(CPlaneSt1WithSe1Se6) => _cPlaneExtensionsBody.Length,
        nameof(UPlaneHeaderSections) => Average(_uPlane),
        nameof(BfpDecompress52Prb) => 52 * BfpCodec.PrbSize(TrafficProfile.IqWidth),
        nameof(PtpAnnounce) => _announcePayload.Length,
        _ => 0,
    };

    /// <summary>Ethernet + VLAN walk and classification (eCPRI / PTP / other) of every frame.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long TransportClassify()
    {
        long sum = 0;
        var options = _options;
        for (int n = 0; n < Batch; n++)
        {
            int i = n % _frames.Count;
            if (FronthaulTransportReader.TryRead(_frames.Buffer.AsSpan(_frames.Offsets[i], _frames.Lengths[i]), options,
                    out var transport))
            {
                sum += (int)transport.Kind + transport.PayloadOffset + transport.InnerVlan.VlanId;
            }
        }

        return sum;
    }

    /// <summary>eCPRI PDU: every message's common header, then the O-RAN transport header (eAxC, seqId).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long EcpriPduIteration()
    {
        long sum = 0;
        var buffer = _frames.Buffer;
        for (int n = 0; n < Batch; n++)
        {
            var layer = _ecpri[n % _ecpri.Length];
            var pdu = new EcpriPduReader(buffer.AsSpan(layer.Start, layer.Length), layer.FrameOffset);
            while (pdu.TryReadNext(out var message))
            {
                sum += message.MessageType + message.PayloadSize;
                if (OranTransportHeader.TryRead(message, out var header, out _))
                {
                    sum += header.Eaxc.Value + header.SequenceId;
                }
            }
        }

        return sum;
    }

    /// <summary>C-plane ST1 of the capture: common header and every section field.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long CPlaneSt1()
    {
        long sum = 0;
        var buffer = _frames.Buffer;
        for (int n = 0; n < Batch; n++)
        {
            var layer = _cPlane[n % _cPlane.Length];
            sum += ReadCPlane(buffer.AsSpan(layer.Start, layer.Length), layer.FrameOffset);
        }

        return sum;
    }

    /// <summary>C-plane ST1 with two sections, the first with SE1 (32 BFP-9 weights) and SE6: header, sections, extensions.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long CPlaneSt1WithSe1Se6()
    {
        long sum = 0;
        var body = _cPlaneExtensions.AsSpan(_cPlaneExtensionsBody.Start, _cPlaneExtensionsBody.Length);
        for (int n = 0; n < Batch; n++)
        {
            sum += ReadCPlane(body, _cPlaneExtensionsBody.FrameOffset);
        }

        return sum;
    }

    /// <summary>U-plane common header and every section header (no IQ decompression).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long UPlaneHeaderSections()
    {
        long sum = 0;
        var buffer = _frames.Buffer;
        var options = _options;
        for (int n = 0; n < Batch; n++)
        {
            var layer = _uPlane[n % _uPlane.Length];
            var reader = new UPlaneReader(buffer.AsSpan(layer.Start, layer.Length), layer.FrameOffset, options);
            if (reader.TryReadHeader(out var header))
            {
                sum += header.SymbolId + header.SlotId;
            }

            while (reader.TryReadNext(out var section))
            {
                sum += section.SectionId + section.StartPrb + section.NumPrb + section.IqData.Length;
            }
        }

        return sum;
    }

    /// <summary>BFP 9-bit decompression of one 52-PRB section (1,456 bytes → 1,248 integers). One operation = one section.</summary>
    [Benchmark(OperationsPerInvoke = Batch / 16)]
    public long BfpDecompress52Prb()
    {
        long sum = 0;
        var buffer = _frames.Buffer;
        var options = _options;
        for (int n = 0; n < Batch / 16; n++)
        {
            var layer = _bfp52[n % _bfp52.Length];
            var reader = new UPlaneReader(buffer.AsSpan(layer.Start, layer.Length), layer.FrameOffset, options);
            if (reader.TryReadNext(out var section))
            {
                section.DecompressTo(_iq, _exponents);
                sum += _iq[n % _iq.Length] + _exponents[n % 52];
            }
        }

        return sum;
    }

    /// <summary>PTP Announce: header and every Announce field.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long PtpAnnounce()
    {
        long sum = 0;
        var payload = _announce.AsSpan(_announcePayload.Start, _announcePayload.Length);
        for (int n = 0; n < Batch; n++)
        {
            if (PtpReader.TryRead(payload, _announcePayload.FrameOffset, out var message, out _)
                && message.TryGetAnnounce(out var announce))
            {
                sum += message.SequenceId + message.DomainNumber + (long)message.SourcePortIdentity.ClockIdentity
                       + announce.ClockClass + announce.GrandmasterPriority1 + (long)announce.GrandmasterIdentity
                       + (long)announce.OriginTimestamp.Seconds + announce.StepsRemoved;
            }
        }

        return sum;
    }

    private long ReadCPlane(ReadOnlySpan<byte> body, int frameOffset)
    {
        long sum = 0;
        var reader = new CPlaneReader(body, frameOffset, _options);
        if (reader.TryReadHeader(out var header))
        {
            sum += header.FrameId + header.SlotId + header.StartSymbolId + header.UdCompHdr.Raw + header.NumberOfSections;
        }

        while (reader.TryReadSection(out var section))
        {
            sum += section.SectionId + section.StartPrbc + section.EffectiveNumPrbc + section.ReMask + section.NumSymbol
                   + section.BeamId;
            var extensions = section.Extensions;
            while (extensions.TryReadNext(out var extension))
            {
                sum += extension.ExtType + extension.Length;
                if (extension.ExtType == 1)
                {
                    var weights = extension.AsBeamformingWeights();
                    sum += weights.CompParam.Exponent + weights.WeightCount;
                }
            }
        }

        return sum;
    }

    private static double Average(Layer[] layers)
    {
        long total = 0;
        foreach (var layer in layers)
        {
            total += layer.Length;
        }

        return (double)total / layers.Length;
    }

    /// <summary>A protocol layer inside a buffer: its start, length and offset from its frame's start.</summary>
    private readonly record struct Layer(int Start, int Length, int FrameOffset);
}
