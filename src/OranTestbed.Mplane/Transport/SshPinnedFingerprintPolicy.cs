namespace OranTestbed.Mplane.Transport;

/// <summary>Trusts exactly the host key whose SHA256 fingerprint is <see cref="Fingerprint"/>.</summary>
public sealed record SshPinnedFingerprintPolicy : SshHostKeyPolicy
{
    public SshPinnedFingerprintPolicy(string fingerprint)
    {
        Fingerprint = SshHostKeyFingerprint.Normalize(fingerprint);
    }

    /// <summary>Canonical <c>SHA256:</c> form.</summary>
    public string Fingerprint { get; }

    internal override SshHostKeyVerdict Verify(SshEndpoint identity, ReadOnlySpan<byte> publicKeyBlob)
    {
        string presented = SshHostKeyFingerprint.Of(publicKeyBlob);
        return string.Equals(presented, Fingerprint, StringComparison.Ordinal)
            ? SshHostKeyVerdict.Trust($"host key of {identity.KnownHostsName} matches the pinned {Fingerprint}")
            : SshHostKeyVerdict.Refuse(
                $"host key of {identity.KnownHostsName} refused: it presented {SshHostKeyFingerprint.Describe(publicKeyBlob)}, not the pinned {Fingerprint}");
    }

    public override string ToString() => $"pinned host key {Fingerprint}";
}
