using System.Net;
using Microsoft.Extensions.Logging;

namespace OranTestbed.Mplane.CallHome;

/// <summary>Log events of the call-home listener: event ids 1690-1699, stable names.</summary>
internal static partial class CallHomeLog
{
    [LoggerMessage(EventId = 1690, EventName = "CallHomeListening", Level = LogLevel.Information,
        Message = "Listening for NETCONF call home on {Endpoint}")]
    public static partial void Listening(ILogger logger, EndPoint endpoint);

    [LoggerMessage(EventId = 1691, EventName = "CallHomeAccepted", Level = LogLevel.Debug,
        Message = "Call home from {Caller}: running SSH over it through loopback port {RelayPort}")]
    public static partial void Accepted(ILogger logger, EndPoint caller, int relayPort);

    [LoggerMessage(EventId = 1692, EventName = "CallHomeEstablished", Level = LogLevel.Information,
        Message = "Call home from {Caller} established: {Peer}")]
    public static partial void Established(ILogger logger, EndPoint caller, string peer);

    [LoggerMessage(EventId = 1693, EventName = "CallHomeFailed", Level = LogLevel.Warning,
        Message = "Call home from {Caller} failed and was closed: {Reason}")]
    public static partial void Failed(ILogger logger, EndPoint caller, string reason);

    [LoggerMessage(EventId = 1694, EventName = "CallHomeRelayEnded", Level = LogLevel.Debug,
        Message = "Call home relay for {Caller} ended: {FromCaller} bytes in, {ToCaller} bytes out")]
    public static partial void RelayEnded(ILogger logger, EndPoint caller, long fromCaller, long toCaller);

    [LoggerMessage(EventId = 1695, EventName = "CallHomeRelayIntruder", Level = LogLevel.Warning,
        Message = "Call home relay port {RelayPort} was connected from {Intruder}, not loopback: closed")]
    public static partial void RelayIntruder(ILogger logger, int relayPort, EndPoint? intruder);
}
