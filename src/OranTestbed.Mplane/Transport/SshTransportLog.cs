using Microsoft.Extensions.Logging;

namespace OranTestbed.Mplane.Transport;

/// <summary>Log events of the SSH transports (SSH.NET subsystem and OpenSSH process): event ids 1680-1689, stable names.</summary>
internal static partial class SshTransportLog
{
    [LoggerMessage(EventId = 1680, EventName = "SshConnecting", Level = LogLevel.Debug,
        Message = "Opening the {Subsystem} subsystem on {Peer} with {Client} ({Options})")]
    public static partial void Connecting(ILogger logger, string subsystem, string peer, string client, object options);

    [LoggerMessage(EventId = 1681, EventName = "SshConnected", Level = LogLevel.Information,
        Message = "{Subsystem} subsystem open on {Peer} with {Client} in {ElapsedMs:0.0} ms; {HostKey}")]
    public static partial void Connected(ILogger logger, string subsystem, string peer, string client, double elapsedMs, string hostKey);

    [LoggerMessage(EventId = 1682, EventName = "SshHostKeyNotChecked", Level = LogLevel.Warning, Message = "{Explanation}")]
    public static partial void HostKeyNotChecked(ILogger logger, string explanation);

    [LoggerMessage(EventId = 1683, EventName = "SshHostKeyRejected", Level = LogLevel.Warning, Message = "{Explanation}")]
    public static partial void HostKeyRejected(ILogger logger, string explanation);

    [LoggerMessage(EventId = 1684, EventName = "SshConnectFailed", Level = LogLevel.Warning,
        Message = "{Peer}: {Failure}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string peer, MplaneConnectionFailure failure, string reason);

    [LoggerMessage(EventId = 1685, EventName = "SshChannelClosed", Level = LogLevel.Debug, Message = "{Peer}: SSH channel closed")]
    public static partial void ChannelClosed(ILogger logger, string peer);

    [LoggerMessage(EventId = 1686, EventName = "SshChannelFailed", Level = LogLevel.Warning, Message = "{Peer}: SSH channel failed")]
    public static partial void ChannelFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 1687, EventName = "OpenSshStarted", Level = LogLevel.Debug,
        Message = "ssh process {Pid} for {Peer}: ssh {Arguments}")]
    public static partial void OpenSshStarted(ILogger logger, int pid, string peer, IReadOnlyList<string> arguments);

    [LoggerMessage(EventId = 1688, EventName = "OpenSshExited", Level = LogLevel.Debug,
        Message = "ssh process {Pid} for {Peer} ended with exit code {ExitCode}")]
    public static partial void OpenSshExited(ILogger logger, int pid, string peer, int exitCode);
}
