using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// Iterates the extensions of one section (each extLen × 4 bytes, each ef saying whether another follows). The
/// <see cref="CPlaneReader"/> validated the chain before handing out the section, so iteration cannot fail.
/// </summary>
public ref struct CPlaneExtensionReader
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly int _baseOffset;
    private readonly int _sectionNumPrbc;
    private readonly FronthaulDecodeOptions _options;
    private int _position;
    private bool _more;

    internal CPlaneExtensionReader(ReadOnlySpan<byte> span, int baseOffset, bool first, int sectionNumPrbc,
        FronthaulDecodeOptions options)
    {
        _span = span;
        _baseOffset = baseOffset;
        _sectionNumPrbc = sectionNumPrbc;
        _options = options;
        _position = 0;
        _more = first;
    }

    public bool TryReadNext(out CPlaneExtension extension)
    {
        extension = default;
        if (!_more || _span.Length - _position < 2)
        {
            return false;
        }

        int type = _span[_position] & CPlaneExtensionFields.TypeMask;
        int header = CPlaneExtensionTypes.HeaderLength(type);
        if (_span.Length - _position < header)
        {
            return false;
        }

        int words = header == 3 ? (_span[_position + 1] << 8) | _span[_position + 2] : _span[_position + 1];
        int length = words * CPlaneExtensionFields.WordLength;
        if (length == 0 || length > _span.Length - _position)
        {
            return false;
        }

        extension = new CPlaneExtension(_span.Slice(_position, length), _baseOffset + _position, _sectionNumPrbc, _options);
        _more = extension.Ef;
        _position += length;
        return true;
    }
}
