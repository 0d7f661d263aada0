namespace OranTestbed.Server.Tests.Support;

/// <summary>An O-RAN results document to upload and, when it cites evidence, the folder holding <c>artifacts/SHA256</c>.</summary>
public sealed record UploadDocument(string Json, string? ArtifactFolder);
