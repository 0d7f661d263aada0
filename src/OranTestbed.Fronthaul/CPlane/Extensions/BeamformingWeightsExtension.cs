using OranTestbed.Fronthaul.Bits;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>SE1 beamforming weights (<see cref="BeamformingWeightsFields"/>). Weights are the raw signed bfwIqWidth-bit values.</summary>
public readonly ref struct BeamformingWeightsExtension
{
    private readonly ReadOnlySpan<byte> _span;

    internal BeamformingWeightsExtension(ReadOnlySpan<byte> span, int offset, int antennas)
    {
        _span = span;
        Offset = offset;
        int method = BfwCompHdr.RawMethod;
        int paramLength = BfwCompParam.LengthOf(method, antennas);
        CompParam = new BfwCompParam(span.Slice(BeamformingWeightsFields.BfwCompParamOffset, paramLength), method);
        WeightCount = BfwCompParam.WeightCount(method, CompParam.Raw, antennas);
        WeightsOffset = BeamformingWeightsFields.BfwCompParamOffset + paramLength;
    }

    public int Offset { get; }

    /// <summary>bfwCompHdr: bfwIqWidth (bits 7-4, 0 = 16) | bfwCompMeth (bits 3-0), same layout as udCompHdr.</summary>
    public UdCompHdr BfwCompHdr => new(_span[BeamformingWeightsFields.BfwCompHdrOffset]);

    public BfwCompParam CompParam { get; }

    /// <summary>Number of (bfwI, bfwQ) pairs: L, or the active beamspace coefficients.</summary>
    public int WeightCount { get; }

    /// <summary>Offset of the first weight bit from the extension start.</summary>
    public int WeightsOffset { get; }

    public int WeightI(int index) => ReadWeight(2 * index);

    public int WeightQ(int index) => ReadWeight((2 * index) + 1);

    private int ReadWeight(int position)
    {
        if ((uint)position >= (uint)(2 * WeightCount))
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        int width = BfwCompHdr.IqWidth;
        var bits = new BitReader(_span[WeightsOffset..]);
        bits.Skip(position * width);
        return bits.ReadSigned(width);
    }

    internal static DecodeError Validate(ReadOnlySpan<byte> span, int offset, int antennas)
    {
        if (span.Length < BeamformingWeightsFields.BfwCompParamOffset)
        {
            return new DecodeError(DecodeErrorCode.LengthMismatch, "cplane.ext1.bfwCompHdr", offset + span.Length,
                "extLen is too short for bfwCompHdr");
        }

        var hdr = new UdCompHdr(span[BeamformingWeightsFields.BfwCompHdrOffset]);
        int paramLength = BfwCompParam.LengthOf(hdr.RawMethod, antennas);
        if (paramLength < 0)
        {
            return new DecodeError(DecodeErrorCode.UnknownType, "cplane.ext1.bfwCompMeth",
                offset + BeamformingWeightsFields.BfwCompHdrOffset, "bfwCompMeth is a reserved value");
        }

        int weightsOffset = BeamformingWeightsFields.BfwCompParamOffset + paramLength;
        if (span.Length < weightsOffset)
        {
            return new DecodeError(DecodeErrorCode.LengthMismatch, "cplane.ext1.bfwCompParam", offset + span.Length,
                "extLen is too short for bfwCompParam");
        }

        int count = BfwCompParam.WeightCount(hdr.RawMethod, span.Slice(BeamformingWeightsFields.BfwCompParamOffset, paramLength), antennas);
        int weightBytes = ((2 * count * hdr.IqWidth) + 7) / 8;
        return span.Length >= weightsOffset + weightBytes
            ? DecodeError.None
            : new DecodeError(DecodeErrorCode.LengthMismatch, "cplane.ext1.bfwI", offset + span.Length,
                "extLen is too short for L weights of bfwIqWidth bits");
    }
}
