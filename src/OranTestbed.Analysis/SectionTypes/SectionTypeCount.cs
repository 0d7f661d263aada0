using System.Collections.Immutable;
using OranTestbed.Fronthaul.CPlane;

namespace OranTestbed.Analysis.SectionTypes;

/// <summary>C-plane messages of one section type and the eAxCs that carried them (e.g. the PRACH eAxCs of section
/// type 3, whose U-plane a PRACH case judges).</summary>
public sealed record SectionTypeCount(CPlaneSectionType SectionType, long Messages, ImmutableArray<ushort> Eaxcs);
