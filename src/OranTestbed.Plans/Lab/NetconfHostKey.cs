namespace OranTestbed.Plans.Lab;

/// <summary>
/// How the NETCONF driver knows it reached the right O-RU: an OpenSSH known_hosts file (<see cref="KnownHostsFile"/>,
/// relative to the plan directory), a pinned SHA-256 fingerprint as <c>ssh-keygen -lf</c> prints it
/// (<see cref="Fingerprint"/>, <c>SHA256:…</c>), or, only when a plan says so explicitly, any key
/// (<see cref="AcceptAny"/>: a lab bring-up convenience, warned about at every session).
/// </summary>
public sealed record NetconfHostKey(string? KnownHostsFile, string? Fingerprint, bool AcceptAny);
