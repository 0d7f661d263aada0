namespace OranTestbed.Server.Uploads;

/// <summary>An upload read from the request: the document, the archive file (if any) in the upload's work folder, and
/// the SHA-256 of both (the upload's identity: the same bytes again are the same upload).</summary>
internal sealed record ReceivedUpload(string Json, string? ArchivePath, string Sha256);
