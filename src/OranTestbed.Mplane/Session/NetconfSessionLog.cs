using Microsoft.Extensions.Logging;
using OranTestbed.Mplane.Framing;

namespace OranTestbed.Mplane.Session;

/// <summary>Log events of the NETCONF session: event ids 1600-1639, stable names.</summary>
/// <remarks>
/// Message bodies are never logged (they may hold configuration the operator considers sensitive, and the trace file
/// is the evidence); per-message events are Trace level. A failure also thrown to the caller is logged at Debug only.
/// </remarks>
internal static partial class NetconfSessionLog
{
    [LoggerMessage(EventId = 1600, EventName = "NetconfSessionOpened", Level = LogLevel.Information,
        Message = "NETCONF session {SessionId} with {Peer} open: {Framing} framing, {Capabilities} capabilities, {Modules} YANG modules")]
    public static partial void SessionOpened(ILogger logger, string peer, uint sessionId, NetconfFraming framing,
        int capabilities, int modules);

    [LoggerMessage(EventId = 1601, EventName = "NetconfHelloFailed", Level = LogLevel.Debug,
        Message = "NETCONF hello with {Peer} failed")]
    public static partial void HelloFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 1602, EventName = "NetconfRpcSent", Level = LogLevel.Trace,
        Message = "Sent rpc {MessageId} <{Operation}> to {Peer} ({Bytes} bytes)")]
    public static partial void RpcSent(ILogger logger, string peer, string messageId, string operation, int bytes);

    [LoggerMessage(EventId = 1603, EventName = "NetconfReplyReceived", Level = LogLevel.Trace,
        Message = "Received rpc-reply {MessageId} from {Peer} ({Bytes} bytes)")]
    public static partial void ReplyReceived(ILogger logger, string peer, string messageId, int bytes);

    [LoggerMessage(EventId = 1604, EventName = "NetconfRpcTimedOut", Level = LogLevel.Debug,
        Message = "{Peer} did not answer rpc {MessageId} <{Operation}> within {Limit}")]
    public static partial void RpcTimedOut(ILogger logger, string peer, string messageId, string operation, TimeSpan limit);

    [LoggerMessage(EventId = 1605, EventName = "NetconfLateReplyDropped", Level = LogLevel.Warning,
        Message = "Dropped the late rpc-reply {MessageId} from {Peer}: <{Operation}> had already timed out or been cancelled")]
    public static partial void LateReplyDropped(ILogger logger, string peer, string messageId, string operation);

    [LoggerMessage(EventId = 1606, EventName = "NetconfUnmatchedReply", Level = LogLevel.Warning,
        Message = "Dropped an rpc-reply from {Peer} with message-id '{MessageId}' that matches no RPC sent")]
    public static partial void UnmatchedReply(ILogger logger, string peer, string? messageId);

    [LoggerMessage(EventId = 1607, EventName = "NetconfUnexpectedMessage", Level = LogLevel.Warning,
        Message = "Ignored a message <{Element}> from {Peer}: neither rpc-reply nor notification")]
    public static partial void UnexpectedMessage(ILogger logger, string peer, string element);

    [LoggerMessage(EventId = 1608, EventName = "NetconfNotificationReceived", Level = LogLevel.Trace,
        Message = "Received notification <{Event}> from {Peer}")]
    public static partial void NotificationReceived(ILogger logger, string peer, string @event);

    [LoggerMessage(EventId = 1609, EventName = "NetconfMalformedNotification", Level = LogLevel.Warning,
        Message = "Ignored a notification from {Peer}: {Problem}")]
    public static partial void MalformedNotification(ILogger logger, string peer, string problem);

    [LoggerMessage(EventId = 1610, EventName = "NetconfNotificationsDropped", Level = LogLevel.Warning,
        Message = "Notifications from {Peer} arrive faster than they are consumed: the oldest are dropped ({Capacity} held)")]
    public static partial void NotificationsDropping(ILogger logger, string peer, int capacity);

    [LoggerMessage(EventId = 1611, EventName = "NetconfSessionClosed", Level = LogLevel.Information,
        Message = "NETCONF session {SessionId} with {Peer} closed: {Reason}; {DroppedNotifications} notifications dropped")]
    public static partial void SessionClosed(ILogger logger, string peer, uint sessionId, string reason,
        long droppedNotifications);

    [LoggerMessage(EventId = 1612, EventName = "NetconfSessionFailed", Level = LogLevel.Warning,
        Message = "NETCONF session {SessionId} with {Peer} failed: {Reason}; {Outstanding} RPCs unanswered")]
    public static partial void SessionFailed(ILogger logger, string peer, uint sessionId, string reason, int outstanding,
        Exception exception);

    [LoggerMessage(EventId = 1613, EventName = "NetconfCloseFailed", Level = LogLevel.Debug,
        Message = "close-session with {Peer} did not complete; the transport is closed anyway")]
    public static partial void CloseFailed(ILogger logger, string peer, Exception exception);
}
