using Microsoft.Extensions.Logging;

namespace OranTestbed.Emulation.Mplane;

/// <summary>Log events of the emulated O-RU's M-plane (event ids 1760–1779; the NETCONF client side has its own range). Never written to a --stdio server's stdout.</summary>
internal static partial class MplaneLog
{
    [LoggerMessage(EventId = 1760, EventName = "SessionStarted", Level = LogLevel.Information,
        Message = "NETCONF session {SessionId} started with {Peer} ({Framing} framing)")]
    public static partial void SessionStarted(ILogger logger, uint sessionId, string peer, OranTestbed.Mplane.Framing.NetconfFraming framing);

    [LoggerMessage(EventId = 1761, EventName = "SessionEnded", Level = LogLevel.Information,
        Message = "NETCONF session {SessionId} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, uint sessionId, SessionEnd reason);

    [LoggerMessage(EventId = 1762, EventName = "RpcReceived", Level = LogLevel.Debug,
        Message = "session {SessionId} rpc {Operation} (message-id {MessageId})")]
    public static partial void RpcReceived(ILogger logger, uint sessionId, string operation, string? messageId);

    [LoggerMessage(EventId = 1763, EventName = "RpcRefused", Level = LogLevel.Information,
        Message = "session {SessionId} rpc {Operation} refused: {Tag}: {Reason}")]
    public static partial void RpcRefused(ILogger logger, uint sessionId, string operation, string tag, string reason);

    [LoggerMessage(EventId = 1764, EventName = "CarrierStateChanged", Level = LogLevel.Information,
        Message = "{Carrier} is {State}")]
    public static partial void CarrierStateChanged(ILogger logger, CarrierKey carrier, CarrierState state);

    [LoggerMessage(EventId = 1765, EventName = "SupervisionExpired", Level = LogLevel.Warning,
        Message = "session {SessionId}: no supervision-watchdog-reset before the watchdog expired; {Action}")]
    public static partial void SupervisionExpired(ILogger logger, uint sessionId, string action);

    [LoggerMessage(EventId = 1766, EventName = "ProtocolError", Level = LogLevel.Information,
        Message = "session {SessionId}: {Reason}")]
    public static partial void ProtocolError(ILogger logger, uint sessionId, string reason);

    [LoggerMessage(EventId = 1769, EventName = "SessionUser", Level = LogLevel.Information,
        Message = "NETCONF session {SessionId} is user {User}, NACM group {Group}")]
    public static partial void SessionUser(ILogger logger, uint sessionId, string user, string group);

    [LoggerMessage(EventId = 1770, EventName = "RpcFailed", Level = LogLevel.Error,
        Message = "session {SessionId} rpc {Operation} failed in the emulator")]
    public static partial void RpcFailed(ILogger logger, uint sessionId, string operation, Exception exception);

    [LoggerMessage(EventId = 1767, EventName = "CallHomeFailed", Level = LogLevel.Information,
        Message = "call home to {Controller} failed ({Reason}); next attempt in {Retry}")]
    public static partial void CallHomeFailed(ILogger logger, string controller, System.Net.Sockets.SocketError reason, TimeSpan retry);

    [LoggerMessage(EventId = 1768, EventName = "CallHomeConnected", Level = LogLevel.Information,
        Message = "called home to {Controller}")]
    public static partial void CallHomeConnected(ILogger logger, string controller);
}
