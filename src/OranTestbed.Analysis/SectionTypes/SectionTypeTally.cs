using System.Collections.Immutable;
using OranTestbed.Fronthaul.CPlane;

namespace OranTestbed.Analysis.SectionTypes;

/// <summary>Counts C-plane messages per section type and remembers their eAxCs; allocates only for an eAxC or type
/// seen for the first time.</summary>
internal sealed class SectionTypeTally
{
    private readonly long[] _messages = new long[256];
    private readonly Dictionary<byte, HashSet<ushort>> _eaxcs = [];

    public void Observe(CPlaneSectionType sectionType, ushort eaxc)
    {
        byte type = (byte)sectionType;
        _messages[type]++;
        if (!_eaxcs.TryGetValue(type, out var eaxcs))
        {
            eaxcs = [];
            _eaxcs.Add(type, eaxcs);
        }

        eaxcs.Add(eaxc);
    }

    public ImmutableArray<SectionTypeCount> Build() =>
    [
        .. _eaxcs.Keys.Order().Select(type => new SectionTypeCount((CPlaneSectionType)type, _messages[type],
            [.. _eaxcs[type].Order()])),
    ];
}
