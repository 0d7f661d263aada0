using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane.Extensions;

namespace OranTestbed.Fronthaul.Inspection;

/// <summary>Section extensions in the JSON rendering: every decoded type with its fields, the rest by type only.</summary>
public sealed partial class FrameJsonWriter
{
    private void WriteExtension(in CPlaneExtension extension)
    {
        _json.WriteStartObject();
        _json.WriteNumber("extType", extension.ExtType);
        _json.WriteNumber("extLen", extension.ExtLen);
        _json.WriteNumber("ef", extension.Ef ? 1 : 0);
        switch (extension.ExtType)
        {
            case CPlaneExtensionTypes.BeamformingWeights:
                WriteBeamformingWeights(extension.AsBeamformingWeights());
                break;
            case CPlaneExtensionTypes.ModulationCompression:
                var modComp = extension.AsModulationCompression();
                _json.WriteNumber("csf", modComp.Csf ? 1 : 0);
                _json.WriteNumber("modCompScaler", modComp.ModCompScaler);
                break;
            case CPlaneExtensionTypes.ModulationCompressionScaling:
                WriteModulationCompressionScaling(extension.AsModulationCompressionScaling());
                break;
            case CPlaneExtensionTypes.NonContiguousPrb:
                var rbg = extension.AsNonContiguousPrb();
                _json.WriteNumber("repetition", rbg.Repetition ? 1 : 0);
                _json.WriteNumber("rbgSize", rbg.RbgSize);
                _json.WriteNumber("rbgMask", rbg.RbgMask);
                _json.WriteNumber("priority", rbg.Priority);
                _json.WriteNumber("symbolMask", rbg.SymbolMask);
                break;
            case CPlaneExtensionTypes.PortGrouping:
                WritePortGrouping(extension.AsPortGrouping());
                break;
            case CPlaneExtensionTypes.FlexibleWeights:
                WriteFlexibleWeights(extension.AsFlexibleWeights());
                break;
            case CPlaneExtensionTypes.PrbRanges:
                WritePrbRanges(extension.AsPrbRanges());
                break;
            case CPlaneExtensionTypes.FrequencyHopping:
                WriteFrequencyHopping(extension.AsFrequencyHopping());
                break;
            default:
                // Not decoded: reported by type, skipped by extLen.
                _json.WriteBoolean("decoded", false);
                break;
        }

        _json.WriteEndObject();
    }

    private void WriteBfwCompHdr(UdCompHdr header)
    {
        _json.WriteStartObject("bfwCompHdr");
        _json.WriteNumber("bfwIqWidth", header.RawIqWidth);
        _json.WriteNumber("bfwCompMeth", header.RawMethod);
        _json.WriteEndObject();
    }

    private void WriteBfwCompParam(in BfwCompParam parameter)
    {
        switch (parameter.Method)
        {
            case 1:
                _json.WriteNumber("exponent", parameter.Exponent);
                break;
            case 2:
                _json.WriteNumber("blockScaler", parameter.BlockScaler);
                break;
            case 3:
                _json.WriteNumber("compBitWidth", parameter.CompBitWidth);
                _json.WriteNumber("compShift", parameter.CompShift);
                break;
            case 4 or 5:
                _json.WriteBase64String("activeBeamspaceCoefficientMask", parameter.BeamspaceMask);
                if (parameter.Method == 5)
                {
                    _json.WriteNumber("exponent", parameter.Exponent);
                }

                break;
        }
    }

    private void WriteBeamformingWeights(in BeamformingWeightsExtension weights)
    {
        WriteBfwCompHdr(weights.BfwCompHdr);
        WriteBfwCompParam(weights.CompParam);
        _json.WriteStartArray("weights");
        for (int i = 0; i < weights.WeightCount; i++)
        {
            _json.WriteNumberValue(weights.WeightI(i));
            _json.WriteNumberValue(weights.WeightQ(i));
        }

        _json.WriteEndArray();
    }

    private void WriteModulationCompressionScaling(in ModulationCompressionScalingExtension scaling)
    {
        _json.WriteStartArray("sets");
        for (int set = 0; set < scaling.SetCount; set++)
        {
            _json.WriteStartObject();
            _json.WriteNumber("mcScaleReMask", scaling.McScaleReMask(set));
            _json.WriteNumber("csf", scaling.Csf(set) ? 1 : 0);
            _json.WriteNumber("mcScaleOffset", scaling.McScaleOffset(set));
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }

    private void WritePortGrouping(in PortGroupingExtension grouping)
    {
        _json.WriteNumber("beamGroupType", grouping.BeamGroupType);
        _json.WriteNumber("numPortc", grouping.NumPortc);
        _json.WriteStartArray("beamIds");
        for (int i = 0; i < grouping.BeamIdCount; i++)
        {
            _json.WriteNumberValue(grouping.BeamId(i));
        }

        _json.WriteEndArray();
    }

    private void WriteFlexibleWeights(in FlexibleWeightsExtension flexible)
    {
        _json.WriteNumber("disableBFWs", flexible.DisableBfws ? 1 : 0);
        _json.WriteNumber("RAD", flexible.Rad ? 1 : 0);
        _json.WriteNumber("bundleOffset", flexible.BundleOffset);
        _json.WriteNumber("numBundPrb", flexible.NumBundPrb);
        if (!flexible.DisableBfws)
        {
            WriteBfwCompHdr(flexible.BfwCompHdr);
        }

        _json.WriteStartArray("bundles");
        foreach (var bundle in flexible.Bundles)
        {
            _json.WriteStartObject();
            WriteBfwCompParam(bundle.CompParam);
            _json.WriteNumber("contInd", bundle.ContInd ? 1 : 0);
            _json.WriteNumber("beamId", bundle.BeamId);
            _json.WriteStartArray("weights");
            for (int i = 0; i < bundle.WeightCount; i++)
            {
                _json.WriteNumberValue(bundle.WeightI(i));
                _json.WriteNumberValue(bundle.WeightQ(i));
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }

    private void WritePrbRanges(in PrbRangesExtension ranges)
    {
        _json.WriteNumber("priority", ranges.Priority);
        _json.WriteNumber("symbolMask", ranges.SymbolMask);
        _json.WriteStartArray("ranges");
        for (int i = 0; i < ranges.RangeCount; i++)
        {
            var range = ranges.Range(i);
            _json.WriteStartObject();
            _json.WriteNumber("offStartPrb", range.OffStartPrb);
            _json.WriteNumber("numPrb", range.NumPrb);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }

    private void WriteFrequencyHopping(in FrequencyHoppingExtension hopping)
    {
        _json.WriteStartArray("hops");
        for (int i = 0; i < hopping.HopCount; i++)
        {
            var hop = hopping.Hop(i);
            _json.WriteStartObject();
            _json.WriteNumber("nextSymbolId", hop.NextSymbolId);
            _json.WriteNumber("nextStartPrbc", hop.NextStartPrbc);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }
}
