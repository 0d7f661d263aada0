using System.Buffers.Binary;
using OranTestbed.Fronthaul.Bits;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>One PRB bundle of SE11 (<see cref="FlexibleWeightsFields"/>): bfwCompParam, contInd, beamId and weights.</summary>
public readonly ref struct FlexibleWeightsBundle
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly int _iqWidth;

    internal FlexibleWeightsBundle(ReadOnlySpan<byte> span, int index, int method, int paramLength, int weightCount, int iqWidth)
    {
        _span = span;
        Index = index;
        CompParam = new BfwCompParam(span[..paramLength], method);
        WeightCount = weightCount;
        _iqWidth = iqWidth;
    }

    /// <summary>Bundle number, 0-based, in PRB order.</summary>
    public int Index { get; }

    /// <summary>bfwCompParam (empty when disableBFWs = 1).</summary>
    public BfwCompParam CompParam { get; }

    public bool ContInd => (BeamWord & 0x8000) != 0;

    public int BeamId => BeamWord & 0x7FFF;

    /// <summary>(bfwI, bfwQ) pairs in this bundle; 0 when disableBFWs = 1.</summary>
    public int WeightCount { get; }

    /// <summary>Bytes of the bundle.</summary>
    public int Length => _span.Length;

    public int WeightI(int index) => ReadWeight(2 * index);

    public int WeightQ(int index) => ReadWeight((2 * index) + 1);

    private int BeamWord => BinaryPrimitives.ReadUInt16BigEndian(_span[CompParam.Length..]);

    private int ReadWeight(int position)
    {
        if ((uint)position >= (uint)(2 * WeightCount))
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        var bits = new BitReader(_span[(CompParam.Length + FlexibleWeightsFields.BeamIdLength)..]);
        bits.Skip(position * _iqWidth);
        return bits.ReadSigned(_iqWidth);
    }
}
