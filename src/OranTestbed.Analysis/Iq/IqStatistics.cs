using System.Collections.Immutable;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Analysis.Iq;

/// <summary>
/// Measures every U-plane section (BFP of up to 9 bits straight from the packed mantissas with
/// <see cref="BfpSectionStatistics"/>; anything else decompressed with <see cref="UPlaneSection.DecompressTo"/>, integers
/// on the 16-bit scale, into a preallocated scratch buffer) and accumulates per eAxC and direction: complex samples, Σ(I² + Q²), peak |I| or |Q|
/// and samples at full scale. Per-flow state is allocated on first sight; nothing is allocated per message after.
/// <para>
/// Full scale at width w: a w-bit mantissa reaches at most (2^(w−1) − 1)·2^(16−w) = 32768 − 2^(16−w) and at least
/// −32768 on the 16-bit scale (BFP with the largest valid exponent 16 − w; w = 16 gives 32767 and −32768), so a sample
/// with I or Q at or beyond either bound is counted as clipped. A flow whose clipped ratio exceeds
/// <see cref="ClippingThreshold"/> raises <see cref="RuleCatalogue.CompIqClipping"/> (count: its clipped samples;
/// example: the first frame with one), because an occasional full-scale sample is legitimate in a high-PAPR signal
/// while a steady share of them is a gain problem.
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

    /// <summary>Adds the samples of <paramref name="section"/> to the flow of <paramref name="eaxc"/> and direction.</summary>
    public void Observe(ushort eaxc, bool downlink, in UPlaneSection section, long frameNumber)
    {
        int key = (eaxc << 1) | (downlink ? 1 : 0);
        if (!_flows.TryGetValue(key, out var flow))
        {
            flow = new IqFlowState(eaxc, downlink);
            _flows.Add(key, flow);
        }

        if (BfpSectionStatistics.Handles(section.Compression)
            && BfpSectionStatistics.TryMeasure(section.IqData, section.NumPrb, section.Compression.IqWidth,
                out long bfpPower, out int bfpPeak, out long bfpClipped))
        {
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

        int width = section.Compression.IqWidth;
        int positiveFullScale = FullScale - (1 << (16 - width));
        long sum = 0;
        int peak = flow.Peak;
        long clipped = 0;
        for (int i = 0; i + 1 < iq.Length; i += 2)
        {
            long re = iq[i];
            long im = iq[i + 1];
            sum += (re * re) + (im * im);
            int magnitude = (int)Math.Max(Math.Abs(re), Math.Abs(im));
            if (magnitude > peak)
            {
                peak = magnitude;
            }

            if (re >= positiveFullScale || im >= positiveFullScale || re <= -FullScale || im <= -FullScale)
            {
                clipped++;
            }
        }

        Add(flow, count / 2, sum, peak, clipped, frameNumber);
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
