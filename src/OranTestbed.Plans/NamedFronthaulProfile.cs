using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Plans;

/// <summary>A fronthaul profile of the plan with the file it came from (relative to the plan directory).</summary>
public sealed record NamedFronthaulProfile(string Name, string File, FronthaulProfile Profile);
