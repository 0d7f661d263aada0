using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Plans.Expansion;

/// <summary>A planned case with its requirement masks (0 = no requirement of that kind).</summary>
internal sealed class CaseView(PlannedCase planned)
{
    public PlannedCase Planned { get; } = planned;

    public int SectionTypes { get; } = CapabilityMasks.SectionTypes(planned.Case.Requires.SectionTypes);

    public uint Extensions { get; } = CapabilityMasks.Extensions(planned.Case.Requires.SectionExtensions);

    public int Sync { get; } = CapabilityMasks.Sync(planned.Case.Requires.SyncTopologies);

    public int MPlane { get; } = CapabilityMasks.MPlane(planned.Case.Requires.MPlaneProfiles);

    public UPlaneCompression? Compression { get; } = planned.Case.CompressionOverride;

    public bool NeedsOCu => Planned.Case.Requires.OCu;
}
