using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.CallHome;

/// <summary>
/// The controller side of NETCONF call home over SSH (RFC 8071; CONF.0 3.1.1.1): the O-RU opens the TCP connection to
/// us (port 4334) and we are still the SSH client on it. Each accepted connection is spliced to a one-shot loopback
/// port (<see cref="CallHomeRelay"/>) because SSH.NET connects its own socket; the caller's host key is checked under
/// the caller's own address (<see cref="CallHomeOptions.IdentityPort"/>), never under 127.0.0.1 and the relay port.
/// A call that fails (host key, credentials) is closed and reported as <see cref="MplaneConnectionException"/> naming
/// the caller; per RFC 8071 §4.1 the O-RU calls again.
/// </summary>
public sealed class CallHomeListener : IAsyncDisposable
{
    private readonly CallHomeOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TcpListener _listener;

    private CallHomeListener(CallHomeOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<CallHomeListener>();
        _listener = new TcpListener(options.Listen);
        _listener.Start();
        LocalEndPoint = (IPEndPoint)_listener.LocalEndpoint;
        CallHomeLog.Listening(_logger, LocalEndPoint);
    }

    /// <summary>The bound address (the real port when <see cref="CallHomeOptions.Listen"/> asked for port 0).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds <see cref="CallHomeOptions.Listen"/> and starts accepting.</summary>
    public static CallHomeListener Start(CallHomeOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CallHomeListener(options, loggerFactory ?? NullLoggerFactory.Instance);
    }

    /// <summary>The next call home as a NETCONF transport, or a <see cref="MplaneConnectionFailure.TimedOut"/> error after <paramref name="timeout"/>.</summary>
    public async Task<CallHomeTransport> AcceptAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await AcceptAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MplaneConnectionException(MplaneConnectionFailure.TimedOut, $"call home on {LocalEndPoint}",
                $"no NETCONF call home arrived on {LocalEndPoint} within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Waits for the next call home, runs SSH over it and opens the subsystem.</summary>
    public async Task<CallHomeTransport> AcceptAsync(CancellationToken cancellationToken)
    {
        Socket caller = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
        var from = (IPEndPoint)caller.RemoteEndPoint!;
        IPAddress address = from.Address.IsIPv4MappedToIPv6 ? from.Address.MapToIPv4() : from.Address;
        CallHomeRelay relay = CallHomeRelay.Start(caller, _logger);
        CallHomeLog.Accepted(_logger, from, relay.Port);
        try
        {
            SshNetSubsystemTransport ssh = await SshNetSubsystemTransport.ConnectAsync(_options.ForCaller(address), IPAddress.Loopback.ToString(),
                relay.Port, $" (call home from {from})", _loggerFactory, cancellationToken).ConfigureAwait(false);
            CallHomeLog.Established(_logger, from, ssh.Peer);
            return new CallHomeTransport(ssh, relay, from);
        }
        catch (Exception e)
        {
            await relay.DisposeAsync().ConfigureAwait(false);
            CallHomeLog.Failed(_logger, from, e.Message);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _listener.Stop();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"call home listener on {LocalEndPoint}";
}
