namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>Walks the bundles of an SE11 extension without allocating (<c>foreach (var b in ext.Bundles)</c>).</summary>
public ref struct FlexibleWeightsBundleEnumerator
{
    private readonly ReadOnlySpan<byte> _bundles;
    private readonly bool _withWeights;
    private readonly int _method;
    private readonly int _iqWidth;
    private readonly int _count;
    private readonly int _weightsPerBundle;
    private readonly int _antennas;
    private int _index;
    private int _position;
    private FlexibleWeightsBundle _current;

    internal FlexibleWeightsBundleEnumerator(ReadOnlySpan<byte> bundles, bool withWeights, int method, int iqWidth,
        int count, int weightsPerBundle, int antennas)
    {
        _bundles = bundles;
        _withWeights = withWeights;
        _method = method;
        _iqWidth = iqWidth;
        _count = count;
        _weightsPerBundle = weightsPerBundle;
        _antennas = antennas;
        _index = -1;
        _position = 0;
        _current = default;
    }

    public readonly FlexibleWeightsBundle Current => _current;

    public readonly FlexibleWeightsBundleEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_index + 1 >= _count)
        {
            return false;
        }

        int length = FlexibleWeightsExtension.BundleLength(_bundles[_position..], _withWeights, _method, _iqWidth,
            _weightsPerBundle, _antennas, out int paramLength, out int weightCount);
        _index++;
        _current = new FlexibleWeightsBundle(_bundles.Slice(_position, length), _index, _method, paramLength, weightCount, _iqWidth);
        _position += length;
        return true;
    }
}
