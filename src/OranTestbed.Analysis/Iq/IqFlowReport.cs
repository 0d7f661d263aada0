using OranTestbed.Analysis.Flows;

namespace OranTestbed.Analysis.Iq;

/// <summary>
/// IQ statistics of one eAxC and direction. Powers are in dBFS against a full-scale real component of 32768 on the
/// 16-bit sample scale: <see cref="MeanPowerDbfs"/> = 10·log10(mean(I² + Q²) / 32768²) (a complex tone of amplitude A
/// per component reads 10·log10(2A²/32768²), so a full-scale complex exponential reads +3.01 dBFS), and
/// <see cref="PeakDbfs"/> = 20·log10(max(|I|, |Q|) / 32768). Both are null without signal (no samples or all zero).
/// <see cref="ClippedRatio"/> is the fraction of complex samples with |I| or |Q| at or beyond the symmetric full scale of
/// the width and method (<see cref="IqStatistics.ClippingLevel"/>: ±32767 and −32768 at 16 bits).
/// </summary>
public sealed record IqFlowReport(ushort Eaxc, DataDirection Direction, long Samples, double? MeanPowerDbfs,
    double? PeakDbfs, long Clipped, double ClippedRatio, long SkippedSections);
