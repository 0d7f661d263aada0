namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Trusts a host key listed for the host in the OpenSSH known_hosts file <see cref="Path"/> (read at every connection,
/// so an updated file takes effect without a restart). Unknown host, a different key, a revoked key or a missing file
/// are refused with the host name and the presented fingerprint in the explanation.
/// </summary>
public sealed record SshKnownHostsPolicy : SshHostKeyPolicy
{
    public SshKnownHostsPolicy(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    public string Path { get; }

    internal override SshHostKeyVerdict Verify(SshEndpoint identity, ReadOnlySpan<byte> publicKeyBlob)
    {
        string name = identity.KnownHostsName;
        string presented = SshHostKeyFingerprint.Describe(publicKeyBlob);
        if (!File.Exists(Path))
        {
            return SshHostKeyVerdict.Refuse($"host key of {name} refused: known_hosts file {Path} does not exist (presented {presented})");
        }

        IReadOnlyList<SshKnownHostsEntry> entries = SshKnownHostsFile.EntriesFor(Path, name);
        foreach (SshKnownHostsEntry entry in entries)
        {
            if (publicKeyBlob.SequenceEqual(entry.PublicKeyBlob))
            {
                return entry.Revoked
                    ? SshHostKeyVerdict.Refuse($"host key of {name} refused: {presented} is marked @revoked in {Path} line {entry.Line}")
                    : SshHostKeyVerdict.Trust($"host key of {name} ({presented}) found in {Path} line {entry.Line}");
            }
        }

        var listed = entries.Where(e => !e.Revoked).ToList();
        if (listed.Count == 0)
        {
            return SshHostKeyVerdict.Refuse($"host key of {name} refused: unknown host, {Path} lists no key for {name} (presented {presented})");
        }

        string known = string.Join(", ", listed.Select(e => $"line {e.Line}: {e.KeyType} {SshHostKeyFingerprint.Of(e.PublicKeyBlob)}"));
        return SshHostKeyVerdict.Refuse(
            $"host key of {name} refused: it presented {presented}, which does not match {Path} ({known}); the device was replaced or someone is in the middle");
    }

    internal override IReadOnlySet<string> KnownKeyTypes(SshEndpoint identity) =>
        File.Exists(Path)
            ? SshKnownHostsFile.EntriesFor(Path, identity.KnownHostsName).Where(e => !e.Revoked).Select(e => e.KeyType).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    public override string ToString() => $"known_hosts {Path}";
}
