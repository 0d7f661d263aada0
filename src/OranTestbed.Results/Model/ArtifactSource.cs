namespace OranTestbed.Results.Model;

/// <summary>An evidence file to store with an execution: a file on disk, named for people by <see cref="Name"/>.</summary>
public sealed record ArtifactSource(ArtifactKind Kind, string Name, string Path);
