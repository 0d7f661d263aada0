using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Analysis.Iq;

/// <summary>
/// The always-on compression checks of a U-plane section, cheap (no decompression):
/// <list type="bullet">
/// <item><see cref="RuleCatalogue.CompProfileMismatch"/>: a section carrying udCompHdr (dynamic compression) whose
/// method or udIqWidth differs from the profile's compression for the direction. PRACH sections (filterIndex ≠ 0) are
/// not compared: their compression is configured apart from the carrier's (o-ran-uplane-conf static PRACH config).</item>
/// <item><see cref="RuleCatalogue.CompBfpExponentRange"/>: a BFP exponent e with e &gt; 16 − w for udIqWidth w. BFP
/// compresses 16-bit samples, and the encoder picks the smallest e that makes every sample fit in w bits; a 16-bit
/// sample never needs more than 16 − w, so a larger exponent shifts the w-bit mantissa beyond 16 bits and cannot
/// come from a conforming encoder (Annex A.1). Counted once per section, whatever the number of PRBs.</item>
/// </list>
/// </summary>
public static class CompressionChecker
{
    public static void Check(in UPlaneSection section, bool downlink, bool prach, FronthaulDecodeOptions options,
        FindingCollector findings, long frameNumber)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(findings);
        var compression = section.Compression;
        var agreed = options.CompressionFor(downlink);
        if (section.HasUdCompHdr && !prach
            && (compression.Method != agreed.Method || compression.IqWidth != agreed.IqWidth))
        {
            findings.Record(RuleCatalogue.CompProfileMismatch, frameNumber);
        }

        if (compression.Method != CompressionMethod.BlockFloatingPoint)
        {
            return;
        }

        int maxExponent = 16 - compression.IqWidth;
        var data = section.IqData;
        int prbSize = section.PrbSize;
        for (int i = 0; i < section.NumPrb; i++)
        {
            if ((data[i * prbSize] & 0x0F) > maxExponent)
            {
                findings.Record(RuleCatalogue.CompBfpExponentRange, frameNumber);
                return;
            }
        }
    }
}
