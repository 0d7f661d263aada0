namespace OranTestbed.Mplane.Transport;

/// <summary>The insecure policy: trusts every host key (the transports log a warning naming the presented fingerprint).</summary>
public sealed record SshAcceptAnyHostKeyPolicy : SshHostKeyPolicy
{
    internal SshAcceptAnyHostKeyPolicy()
    {
    }

    internal override SshHostKeyVerdict Verify(SshEndpoint identity, ReadOnlySpan<byte> publicKeyBlob) =>
        SshHostKeyVerdict.Trust(
            $"INSECURE: host key of {identity.KnownHostsName} accepted without a check ({SshHostKeyFingerprint.Describe(publicKeyBlob)}); AcceptAnyHostKey was asked for");

    public override string ToString() => "accept any host key (insecure)";
}
