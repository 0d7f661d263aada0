namespace OranTestbed.Results.Model;

/// <summary>An evidence file of an execution: its kind, its name (relative path in the run folder, for people) and its
/// content address, the lower-case hex SHA-256 of its bytes, with its size.</summary>
public sealed record ArtifactRef(ArtifactKind Kind, string Name, string Sha256, long Size);
