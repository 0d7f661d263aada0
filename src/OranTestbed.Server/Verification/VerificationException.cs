namespace OranTestbed.Server.Verification;

/// <summary>An upload that cannot be verified for a reason its uploader may read (the status' <c>reason</c>); any other
/// failure is reported by its type only, its details staying in the server's log.</summary>
internal sealed class VerificationException(string message) : Exception(message);
