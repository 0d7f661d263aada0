using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// NETCONF over SSH (RFC 6242 §3) with SSH.NET: connects, checks the host key with the
/// <see cref="SshHostKeyPolicy"/> before any credential leaves, authenticates, and opens the <c>netconf</c> subsystem
/// through <see cref="SshNetSubsystemShim"/> (SSH.NET has no public subsystem API). Channel data is written into a
/// <see cref="Pipe"/> read as <see cref="Input"/>; the pipe never pushes back, because SSH.NET delivers every channel on
/// one listener thread that must not block (each message is bounded by the framer's size limit instead). A channel
/// close, a channel error or a dropped session ends <see cref="Input"/> (cleanly, or with an <see cref="IOException"/>
/// naming the peer). Every failure to open is a <see cref="MplaneConnectionException"/>.
/// </summary>
public sealed class SshNetSubsystemTransport : INetconfTransport
{
    private const string ClientName = "SSH.NET";

    /// <summary>An ssh-rsa key is verified by the rsa-sha2 signature algorithms too (RFC 8332).</summary>
    private static readonly string[] RsaAlgorithms = ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"];

    private readonly SshClient _client;
    private readonly ILogger _logger;
    private readonly Pipe _input = new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
    private readonly Lock _gate = new();
    private SshNetSubsystemChannel? _channel;
    private bool _ended;
    private bool _disposed;

    private SshNetSubsystemTransport(SshClient client, string peer, ILogger logger)
    {
        _client = client;
        _logger = logger;
        Peer = peer;
        Input = _input.Reader.AsStream();
        Output = new SshChannelOutputStream(Send, IsOpen, peer);
        _client.ErrorOccurred += OnSessionError;
    }

    public string Peer { get; }

    public Stream Input { get; }

    public Stream Output { get; }

    /// <summary>The host key the server presented and how it was judged (for traces and results).</summary>
    public string HostKey { get; private set; } = string.Empty;

    /// <summary>Connects to <see cref="SshTransportOptions.Endpoint"/> and opens the subsystem.</summary>
    /// <exception cref="MplaneConnectionException">Unreachable, timed out, host key refused, authentication failed, subsystem refused.</exception>
    public static Task<SshNetSubsystemTransport> ConnectAsync(SshTransportOptions options, ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ConnectAsync(options, options.Endpoint.Host, options.Endpoint.Port, string.Empty, loggerFactory, cancellationToken);
    }

    /// <summary>
    /// Connects the TCP socket to <paramref name="socketHost"/>:<paramref name="socketPort"/> but treats the server as
    /// <see cref="SshTransportOptions.Endpoint"/> (host key lookup, messages): the call-home relay's loopback port
    /// stands in for the O-RU.
    /// </summary>
    internal static async Task<SshNetSubsystemTransport> ConnectAsync(SshTransportOptions options, string socketHost, int socketPort,
        string peerSuffix, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        SshNetSubsystemShim shim = SshNetSubsystemShim.Instance; // an SSH.NET whose internals moved fails here, clearly
        ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SshNetSubsystemTransport>();
        SshEndpoint identity = options.Endpoint;
        string peer = identity + peerSuffix;
        SshTransportLog.Connecting(logger, options.Subsystem, peer, ClientName, options);
        var elapsed = Stopwatch.StartNew();

        using AuthenticationMethod authentication = Authentication(options.Credentials, identity);
        var info = new ConnectionInfo(socketHost, socketPort, identity.User, authentication) { Timeout = options.ConnectTimeout };
        OfferOnlyVerifiableHostKeys(info, options.HostKeyPolicy.KnownKeyTypes(identity));
        var client = new SshClient(info);
        SshHostKeyVerdict? verdict = null;
        client.HostKeyReceived += (_, e) =>
        {
            verdict = options.HostKeyPolicy.Verify(identity, e.HostKey);
            e.CanTrust = verdict.Value.Trusted;
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await client.ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            MplaneConnectionException failure = Classify(e, verdict, options, socketHost, socketPort, peer);
            if (failure.Failure == MplaneConnectionFailure.HostKeyRejected)
            {
                SshTransportLog.HostKeyRejected(logger, failure.Message);
            }

            SshTransportLog.ConnectFailed(logger, peer, failure.Failure, failure.Message);
            throw failure;
        }

        var transport = new SshNetSubsystemTransport(client, peer, logger) { HostKey = verdict?.Explanation ?? "(no host key seen)" };
        if (options.HostKeyPolicy is SshAcceptAnyHostKeyPolicy)
        {
            SshTransportLog.HostKeyNotChecked(logger, transport.HostKey);
        }

        try
        {
            bool accepted = await Task.Run(() => transport.Open(shim, options.Subsystem), cancellationToken).ConfigureAwait(false);
            if (!accepted)
            {
                throw new MplaneConnectionException(MplaneConnectionFailure.SubsystemRefused, peer,
                    $"the SSH server of {peer} refused the '{options.Subsystem}' subsystem (is NETCONF enabled there?)");
            }
        }
        catch (Exception e)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            if (e is MplaneConnectionException or NotSupportedException or OperationCanceledException)
            {
                throw;
            }

            throw new MplaneConnectionException(MplaneConnectionFailure.SshFailure, peer,
                $"opening the '{options.Subsystem}' subsystem on {peer} failed: {e.Message}", e);
        }

        SshTransportLog.Connected(logger, options.Subsystem, peer, ClientName, elapsed.Elapsed.TotalMilliseconds, transport.HostKey);
        return transport;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _client.ErrorOccurred -= OnSessionError;
        // Closing the channel waits for the server's CLOSE and disconnecting sends a message: both block.
        await Task.Run(() =>
        {
            try
            {
                _channel?.Dispose();
                _client.Disconnect();
            }
            catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is already gone; nothing left to close politely.
            }
            finally
            {
                _client.Dispose();
            }
        }).ConfigureAwait(false);
        End(null);
    }

    private static AuthenticationMethod Authentication(SshCredentials credentials, SshEndpoint endpoint)
    {
        switch (credentials)
        {
            case SshPasswordFromEnvironment password:
                return new PasswordAuthenticationMethod(endpoint.User, SshCredentials.ReadVariable(password.Variable, "password", endpoint));
            case SshPrivateKeyFile key:
                string? passphrase = key.PassphraseVariable is null
                    ? null
                    : SshCredentials.ReadVariable(key.PassphraseVariable, "key passphrase", endpoint);
                PrivateKeyFile file;
                try
                {
                    file = passphrase is null ? new PrivateKeyFile(key.KeyFile) : new PrivateKeyFile(key.KeyFile, passphrase);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or InvalidOperationException
                                              or ArgumentException or NotSupportedException)
                {
                    throw new MplaneConnectionException(MplaneConnectionFailure.CredentialsUnavailable, endpoint.ToString(),
                        $"the private key for {endpoint} could not be loaded from {key.KeyFile}" +
                        (key.PassphraseVariable is null ? string.Empty : $" with the passphrase from ${key.PassphraseVariable}") +
                        $": {e.Message}", e);
                }

                return new PrivateKeyAuthenticationMethod(endpoint.User, file);
            default:
                throw new NotSupportedException($"credentials of kind {credentials.GetType().Name} are not supported by SSH.NET");
        }
    }

    /// <summary>Offers only host key algorithms the policy can verify for this host (as OpenSSH orders by known_hosts).</summary>
    private static void OfferOnlyVerifiableHostKeys(ConnectionInfo info, IReadOnlySet<string> knownKeyTypes)
    {
        if (knownKeyTypes.Count == 0)
        {
            return;
        }

        var usable = knownKeyTypes.SelectMany(t => t == "ssh-rsa" ? RsaAlgorithms : [t])
            .ToHashSet(StringComparer.Ordinal);
        var offered = info.HostKeyAlgorithms.Keys.ToList();
        if (!offered.Any(usable.Contains))
        {
            return; // nothing to verify with; the check will refuse with the presented key in the message
        }

        foreach (string algorithm in offered.Where(a => !usable.Contains(a)))
        {
            info.HostKeyAlgorithms.Remove(algorithm);
        }
    }

    private static MplaneConnectionException Classify(Exception e, SshHostKeyVerdict? verdict, SshTransportOptions options,
        string socketHost, int socketPort, string peer)
    {
        if (verdict is { Trusted: false } refused)
        {
            return new MplaneConnectionException(MplaneConnectionFailure.HostKeyRejected, peer, refused.Explanation, e);
        }

        return e switch
        {
            SshAuthenticationException => new MplaneConnectionException(MplaneConnectionFailure.AuthenticationFailed, peer,
                $"SSH authentication failed for {peer} with {options.Credentials}: {e.Message}", e),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new MplaneConnectionException(
                MplaneConnectionFailure.Unreachable, peer,
                $"connection refused by {socketHost}:{socketPort} ({peer}): no SSH server listens there", e),
            SocketException { SocketErrorCode: SocketError.TimedOut } or SshOperationTimeoutException or OperationCanceledException =>
                new MplaneConnectionException(MplaneConnectionFailure.TimedOut, peer,
                    $"no SSH session with {peer} within {options.ConnectTimeout.TotalSeconds:0.#} s ({e.Message})", e),
            SocketException socket => new MplaneConnectionException(MplaneConnectionFailure.Unreachable, peer,
                $"cannot reach {socketHost}:{socketPort} ({peer}): {socket.SocketErrorCode}: {e.Message}", e),
            _ => new MplaneConnectionException(MplaneConnectionFailure.SshFailure, peer,
                $"SSH connection to {peer} failed: {e.GetType().Name}: {e.Message}", e),
        };
    }

    private bool Open(SshNetSubsystemShim shim, string subsystem)
    {
        _channel = shim.OpenSubsystem(_client, subsystem, new Events(this));
        return _channel.Accepted;
    }

    private void Send(byte[] buffer, int offset, int count) =>
        (_channel ?? throw new IOException($"the SSH channel to {Peer} is not open")).Send(buffer, offset, count);

    private bool IsOpen()
    {
        lock (_gate)
        {
            return !_ended && !_disposed && _client.IsConnected;
        }
    }

    private void OnSessionError(object? sender, ExceptionEventArgs e) => End(e.Exception);

    /// <summary>Ends <see cref="Input"/>: cleanly (null) or with an <see cref="IOException"/> the reader sees.</summary>
    private void End(Exception? error)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            if (error is null)
            {
                SshTransportLog.ChannelClosed(_logger, Peer);
                _input.Writer.Complete();
            }
            else
            {
                SshTransportLog.ChannelFailed(_logger, Peer, error);
                _input.Writer.Complete(new IOException($"the SSH connection to {Peer} failed: {error.Message}", error));
            }
        }
    }

    private void Receive(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _input.Writer.Write(data);
            ValueTask<FlushResult> flush = _input.Writer.FlushAsync(); // completes at once: the pipe never pauses the writer
            if (!flush.IsCompleted)
            {
                flush.AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Routes the channel's events (raised on SSH.NET's threads) into the transport.</summary>
    private sealed class Events(SshNetSubsystemTransport transport) : SshNetSubsystemChannel.IEvents
    {
        public void Data(ReadOnlySpan<byte> data) => transport.Receive(data);

        public void Closed() => transport.End(null);

        public void Failed(Exception exception) => transport.End(exception);
    }
}
