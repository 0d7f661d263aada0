namespace OranTestbed.Mplane.Tracing;

/// <summary>Who sent a traced message: <c>&gt;&gt;</c> the client (us), <c>&lt;&lt;</c> the peer.</summary>
public enum NetconfTraceDirection
{
    Sent,
    Received,
}
