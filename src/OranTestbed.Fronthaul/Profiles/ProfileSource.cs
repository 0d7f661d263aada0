namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// Where a profile came from when a tool, not a person, wrote it: the O-RU's M-plane it was read over
/// (<c>user@host:port</c>, as <c>oran-testbed mplane profile</c> reached it) and when, in UTC. A hand-written profile has
/// none. Written as <c>source: {m-plane: "oru@10.0.0.5:830", read-at: 2026-12-07T20:36:00Z}</c>.
/// </summary>
/// <param name="Mplane">The NETCONF endpoint the configuration was read from.</param>
/// <param name="ReadAt">When it was read (UTC, whole seconds).</param>
public sealed record ProfileSource(string Mplane, DateTimeOffset ReadAt);
