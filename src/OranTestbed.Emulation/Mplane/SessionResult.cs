namespace OranTestbed.Emulation.Mplane;

/// <summary>How a served session ended, and for a protocol error what the client did wrong (one line).</summary>
public readonly record struct SessionResult(SessionEnd End, string? Detail = null);
