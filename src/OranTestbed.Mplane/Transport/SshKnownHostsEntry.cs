namespace OranTestbed.Mplane.Transport;

/// <summary>One key line of a known_hosts file that applies to the looked-up host.</summary>
/// <param name="Line">1-based line number, for messages.</param>
/// <param name="Revoked">The line carried the <c>@revoked</c> marker: this key must be refused.</param>
/// <param name="KeyType">The key type field (<c>ssh-ed25519</c>…).</param>
/// <param name="PublicKeyBlob">The decoded base64 key field.</param>
internal sealed record SshKnownHostsEntry(int Line, bool Revoked, string KeyType, byte[] PublicKeyBlob);
