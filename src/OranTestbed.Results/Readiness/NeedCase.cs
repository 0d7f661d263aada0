namespace OranTestbed.Results.Readiness;

/// <summary>A case that judges a need, and whether it runs with an O-CU (then the O-CU is part of the candidate).</summary>
internal sealed record NeedCase(string Id, bool NeedsOCu);
