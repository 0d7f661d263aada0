using System.Collections.Immutable;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Analysis.Iq;

/// <summary>
/// Measures every U-plane section (BFP of up to 9 bits straight from the packed mantissas with
/// <see cref="BfpSectionStatistics"/>, whatever the exponents; anything else decompressed with
/// <see cref="UPlaneSection.DecompressTo"/> into a preallocated scratch buffer) on the 16-bit scale and accumulates per
/// eAxC and direction: complex samples, Σ(I² + Q²), peak |I| or |Q| and clipped samples. Per-flow state is allocated on
/// first sight; nothing is allocated per message after.
/// <para>
/// The 16-bit scale: BFP values m·2^e (O-RAN.WG4.CUS Annex A.1.2), block scaling and µ-law expansions (Annex A.2.2,
/// A.3.2) are already on it; uncompressed w-bit values (§7.5.2.10 udIqWidth) are shifted left by 16 − w, so that one
/// dBFS reference, <see cref="FullScale"/>, serves every width.
/// </para>
/// <para>
/// Clipping (see <see cref="ClippingLevel"/>): a component is clipped when its magnitude reaches the symmetric full
/// scale L of the section's width and method, |I| ≥ L or |Q| ≥ L; a sample (resource element) is clipped when its I or
/// its Q is. For 16-bit samples L = 32767, so +32767, −32767 and −32768 all count; for BFP-9, L = 255·2^7 = 32640
/// (mantissa +255 or −255 at exponent 7) and the most negative −256·2^7 = −32768 counts too. A flow whose clipped ratio
/// exceeds <see cref="ClippingThreshold"/> raises <see cref="RuleCatalogue.CompIqClipping"/> (count: its clipped
/// samples; example: the first frame with one), because an occasional full-scale sample is legitimate in a high-PAPR
/// signal while a steady share of them is a gain problem.
/// </para>
/// </summary>
public sealed class IqStatistics
{
    /// <summary>The full-scale real component on the 16-bit scale, the dBFS reference.</summary>
    public const int FullScale = 32768;

    /// <summary>Clipped ratio above which <see cref="RuleCatalogue.CompIqClipping"/> is reported (1e-3).</summary>
    public const double ClippingThreshold = 1e-3;

    /// <summary>Largest numPrbu (8 bits); numPrbu = 0 stands for the carrier, which may be wider.</summary>
    private const int MaxSectionPrbs = 255;

    private const int SamplesPerPrb = 24;

    private const int SampleWidth = 16;

    private readonly FindingCollector _findings;
    private readonly int[] _scratch;
    private readonly Dictionary<int, IqFlowState> _flows = [];

    /// <param name="carrierPrbs">Carrier width: a section with numPrbu = 0 carries this many PRBs.</param>
    public IqStatistics(FindingCollector findings, int carrierPrbs)
    {
        ArgumentNullException.ThrowIfNull(findings);
        _findings = findings;
        _scratch = new int[Math.Max(MaxSectionPrbs, carrierPrbs) * SamplesPerPrb];
    }

    /// <summary>
    /// The symmetric full scale L of <paramref name="compression"/> on the 16-bit scale: a component with |value| ≥ L is
    /// clipped. L is the magnitude of the largest positive code, +(2^(w−1) − 1), expanded at the method's full-scale
    /// setting (O-RAN.WG4.CUS §7.5.2.10 udIqWidth, Annex A; docs: shared/reference/fronthaul.md §3.2-3.3):
    /// <list type="bullet">
    /// <item>none, udIqWidth w (values shifted to 16 bits): (2^(w−1) − 1)·2^(16−w); w = 16 gives 32767;</item>
    /// <item>BFP (A.1): the largest mantissa at the largest exponent a 16-bit input needs, 16 − w: the same
    /// (2^(w−1) − 1)·2^(16−w), 32640 at w = 9; a PRB with a larger exponent (outside A.1's 16-bit range) is compared
    /// against the same L, so its values beyond L count;</item>
    /// <item>block scaling (A.2): the largest code at blockScaler 1.0 (<see cref="BlockScalingCodec.UnityScaler"/>),
    /// again (2^(w−1) − 1)·2^(16−w);</item>
    /// <item>µ-law (A.3): the expansion of the largest code at compShift 0 (<see cref="MuLawCodec.ExpandValue"/>),
    /// 2^15 − 2^(17−w) for w ≥ 4.</item>
    /// </list>
    /// Symmetric because waveforms saturate symmetrically (a test signal clipped at ±32767, a DAC's ±full scale): the
    /// bound must count a negative excursion like a positive one. Two's complement has one code more below, −2^(w−1),
    /// whose magnitude exceeds L (or, µ-law, saturates to it): it counts as well. Degenerate 1-bit widths, whose largest
    /// code is 0, get L = 1.
    /// </summary>
    public static int ClippingLevel(UdCompHdr compression)
    {
        int width = compression.IqWidth;
        int largest = IqPacking.MaxValue(width);
        int level = compression.Method switch
        {
            CompressionMethod.BlockScaling => BlockScalingCodec.ExpandValue(largest, BlockScalingCodec.UnityScaler, width),
            CompressionMethod.MuLaw => MuLawCodec.ExpandValue(largest, 0, width),
            _ => largest << (SampleWidth - width),
        };
        return Math.Max(level, 1);
    }

    /// <summary>Adds the samples of <paramref name="section"/> to the flow of <paramref name="eaxc"/> and direction.</summary>
    public void Observe(ushort eaxc, bool downlink, in UPlaneSection section, long frameNumber)
    {
        int key = (eaxc << 1) | (downlink ? 1 : 0);
        if (!_flows.TryGetValue(key, out var flow))
        {
            flow = new IqFlowState(eaxc, downlink);
            _flows.Add(key, flow);
        }

        var compression = section.Compression;
        if (BfpSectionStatistics.Handles(compression))
        {
            BfpSectionStatistics.Measure(section.IqData, section.NumPrb, compression.IqWidth, out long bfpPower,
                out int bfpPeak, out long bfpClipped);
            Add(flow, section.NumPrb * (SamplesPerPrb / 2), bfpPower, bfpPeak, bfpClipped, frameNumber);
            return;
        }

        int count = section.NumPrb * SamplesPerPrb;
        if (count > _scratch.Length)
        {
            flow.SkippedSections++; // cannot happen for a decoded section: NumPrb is numPrbu or the carrier
            return;
        }

        var iq = _scratch.AsSpan(0, count);
        if (section.DecompressTo(iq, default) != IqSampleKind.Linear)
        {
            flow.SkippedSections++; // modulation compression carries constellation codes, not samples
            return;
        }

        int toSixteenBits = compression.Method == CompressionMethod.None ? SampleWidth - compression.IqWidth : 0;
        long level = ClippingLevel(compression);
        long sum = 0;
        long peak = flow.Peak;
        long clipped = 0;
        for (int i = 0; i + 1 < iq.Length; i += 2)
        {
            long re = (long)iq[i] << toSixteenBits;
            long im = (long)iq[i + 1] << toSixteenBits;
            sum += (re * re) + (im * im);
            long magnitude = Math.Max(Math.Abs(re), Math.Abs(im));
            if (magnitude > peak)
            {
                peak = magnitude;
            }

            if (magnitude >= level)
            {
                clipped++;
            }
        }

        Add(flow, count / 2, sum, (int)peak, clipped, frameNumber);
    }

    private static void Add(IqFlowState flow, long samples, long power, int peak, long clipped, long frameNumber)
    {
        flow.Samples += samples;
        flow.SumPower += power;
        if (peak > flow.Peak)
        {
            flow.Peak = peak;
        }

        if (clipped > 0)
        {
            flow.Clipped += clipped;
            if (flow.FirstClippedFrame == 0)
            {
                flow.FirstClippedFrame = frameNumber;
            }
        }
    }

    /// <summary>The report per flow; records <see cref="RuleCatalogue.CompIqClipping"/> for flows above the threshold.</summary>
    public IqReport Build()
    {
        var keys = new List<int>(_flows.Keys);
        keys.Sort((a, b) => a >> 1 != b >> 1 ? (a >> 1).CompareTo(b >> 1) : b.CompareTo(a)); // eAxC, then DL first
        var perFlow = ImmutableArray.CreateBuilder<IqFlowReport>(keys.Count);
        foreach (int key in keys)
        {
            var flow = _flows[key];
            double ratio = flow.Samples == 0 ? 0 : (double)flow.Clipped / flow.Samples;
            if (ratio > ClippingThreshold)
            {
                _findings.Record(RuleCatalogue.CompIqClipping, flow.FirstClippedFrame, flow.Clipped);
            }

            double? mean = flow.Samples == 0 || flow.SumPower == 0
                ? null
                : 10 * Math.Log10(flow.SumPower / flow.Samples / ((double)FullScale * FullScale));
            double? peak = flow.Peak == 0 ? null : 20 * Math.Log10((double)flow.Peak / FullScale);
            perFlow.Add(new IqFlowReport(flow.Eaxc, flow.Downlink ? DataDirection.Downlink : DataDirection.Uplink,
                flow.Samples, mean, peak, flow.Clipped, ratio, flow.SkippedSections));
        }

        return new IqReport(true, perFlow.MoveToImmutable());
    }
}
