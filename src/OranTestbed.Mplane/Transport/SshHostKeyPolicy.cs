namespace OranTestbed.Mplane.Transport;

/// <summary>
/// How the server's host key is checked before any credential is sent: against an OpenSSH known_hosts file, against
/// one pinned SHA256 fingerprint, or — only when asked for by name — not at all (<see cref="AcceptAnyHostKey"/>,
/// logged as a warning on every connection). An O-RU's M-plane carries its configuration and software, so trusting an
/// unknown key by default (as OAI's client does) is exactly the man-in-the-middle opening we do not want.
/// </summary>
public abstract record SshHostKeyPolicy
{
    private protected SshHostKeyPolicy()
    {
    }

    /// <summary>Insecure: any host key is accepted (lab bring-up only); each connection logs a warning with the presented fingerprint.</summary>
    public static SshHostKeyPolicy AcceptAnyHostKey { get; } = new SshAcceptAnyHostKeyPolicy();

    /// <summary>The key must be listed for the host in this OpenSSH known_hosts file (plain or hashed names, <c>[host]:port</c>).</summary>
    public static SshHostKeyPolicy KnownHostsFile(string path) => new SshKnownHostsPolicy(path);

    /// <summary>The key must have this fingerprint, as <c>ssh-keygen -lf</c> prints it (<c>SHA256:…</c>).</summary>
    public static SshHostKeyPolicy PinnedFingerprint(string fingerprint) => new SshPinnedFingerprintPolicy(fingerprint);

    /// <summary>Checks the key <paramref name="identity"/> presented (its public key blob, RFC 4253 §6.6).</summary>
    internal abstract SshHostKeyVerdict Verify(SshEndpoint identity, ReadOnlySpan<byte> publicKeyBlob);

    /// <summary>
    /// The key types the policy knows for <paramref name="identity"/> (empty: no preference), so a client can offer
    /// only host key algorithms that can be verified, as OpenSSH does, instead of negotiating a key type we cannot check.
    /// </summary>
    internal virtual IReadOnlySet<string> KnownKeyTypes(SshEndpoint identity) => new HashSet<string>();
}
