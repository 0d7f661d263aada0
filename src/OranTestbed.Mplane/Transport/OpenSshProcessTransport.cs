using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// The fallback NETCONF transport with the same semantics as <see cref="SshNetSubsystemTransport"/>: an OpenSSH
/// <c>ssh -s … netconf</c> child process (shared/reference/mplane.md §3.3), its stdout as <see cref="Input"/> and its
/// stdin as <see cref="Output"/>. Use it when an SSH.NET upgrade breaks the subsystem shim, or to rule SSH.NET out
/// when a device misbehaves. Host keys are checked by OpenSSH itself (<c>StrictHostKeyChecking yes</c> against the
/// known_hosts file of the policy, or one holding just the pinned key); passwords and passphrases go through <see cref="OpenSshAskPass"/>. The open
/// completes when the server's first bytes (its hello) arrive; if ssh exits first, its stderr is classified into the
/// same <see cref="MplaneConnectionException"/> kinds. Disposing closes stdin and kills the process if it lingers.
/// </summary>
public sealed partial class OpenSshProcessTransport : INetconfTransport
{
    private const string ClientName = "OpenSSH";
    private const int StderrLinesKept = 200;

    private readonly Process _process;
    private readonly OpenSshAskPass? _askPass;
    private readonly OpenSshPinnedKnownHosts? _pinned;
    private readonly ILogger _logger;
    private readonly Pipe _input = new(new PipeOptions(useSynchronizationContext: false));
    private readonly Queue<string> _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private volatile string? _presentedHostKey;
    private int _disposed;

    private OpenSshProcessTransport(Process process, OpenSshAskPass? askPass, OpenSshPinnedKnownHosts? pinned, string peer, ILogger logger)
    {
        _process = process;
        _askPass = askPass;
        _pinned = pinned;
        _logger = logger;
        Peer = peer;
        Input = _input.Reader.AsStream();
        Output = process.StandardInput.BaseStream;
        _stdoutPump = PumpStdoutAsync();
        _stderrPump = PumpStderrAsync();
    }

    public string Peer { get; }

    public Stream Input { get; }

    public Stream Output { get; }

    /// <summary>The process id of the ssh child (for diagnostics).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts <c>ssh</c> (from PATH, or <paramref name="sshExecutable"/>) and waits for the server's first bytes. A pinned
    /// fingerprint is enforced through a known_hosts file made with <paramref name="sshKeyscan"/> (<see cref="OpenSshPinnedKnownHosts"/>).
    /// </summary>
    /// <exception cref="MplaneConnectionException">ssh ended before the server spoke (classified from its stderr) or the timeout passed.</exception>
    public static async Task<OpenSshProcessTransport> ConnectAsync(SshTransportOptions options, ILoggerFactory? loggerFactory = null,
        string sshExecutable = "ssh", string sshKeyscan = "ssh-keyscan", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OpenSshProcessTransport>();
        SshEndpoint endpoint = options.Endpoint;
        string peer = endpoint.ToString();
        SshTransportLog.Connecting(logger, options.Subsystem, peer, ClientName, options);
        var elapsed = Stopwatch.StartNew();
        string? secretVariable = OpenSshArguments.SecretVariable(options.Credentials);
        if (secretVariable is not null)
        {
            _ = SshCredentials.ReadVariable(secretVariable, options.Credentials is SshPrivateKeyFile ? "key passphrase" : "password", endpoint);
        }

        OpenSshPinnedKnownHosts? pinned = null;
        if (options.HostKeyPolicy is SshPinnedFingerprintPolicy fingerprint)
        {
            try
            {
                pinned = await OpenSshPinnedKnownHosts.CreateAsync(endpoint, fingerprint, sshKeyscan, options.ConnectTimeout, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (MplaneConnectionException failure)
            {
                SshTransportLog.ConnectFailed(logger, peer, failure.Failure, failure.Message);
                throw;
            }
        }

        IReadOnlyList<string> arguments = OpenSshArguments.For(
            pinned is null ? options : options with { HostKeyPolicy = SshHostKeyPolicy.KnownHostsFile(pinned.Path) });

        var start = new ProcessStartInfo(sshExecutable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("SSH_AUTH_SOCK");
        start.Environment.Remove("DISPLAY");
        OpenSshAskPass? askPass = null;
        if (secretVariable is not null)
        {
            askPass = new OpenSshAskPass();
            askPass.Configure(start.Environment, secretVariable);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            askPass?.Dispose();
            pinned?.Dispose();
            throw new MplaneConnectionException(MplaneConnectionFailure.SshFailure, peer,
                $"cannot start the OpenSSH client '{sshExecutable}' for {peer}: {e.Message}", e);
        }

        SshTransportLog.OpenSshStarted(logger, process.Id, peer, arguments);
        var transport = new OpenSshProcessTransport(process, askPass, pinned, peer, logger);
        try
        {
            await transport.WaitForServerAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (MplaneConnectionException failure)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            SshTransportLog.ConnectFailed(logger, peer, failure.Failure, failure.Message);
            throw;
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string hostKey = transport.PresentedHostKey() ?? "host key not reported";
        if (options.HostKeyPolicy is SshAcceptAnyHostKeyPolicy)
        {
            string warning = $"INSECURE: host key of {endpoint.KnownHostsName} accepted without a check ({hostKey}); AcceptAnyHostKey was asked for";
            SshTransportLog.HostKeyNotChecked(logger, warning);
        }

        double milliseconds = elapsed.Elapsed.TotalMilliseconds;
        SshTransportLog.Connected(logger, options.Subsystem, peer, ClientName, milliseconds, hostKey);
        return transport;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            Output.Close(); // EOF on ssh's stdin: ssh closes the channel and exits
        }
        catch (IOException)
        {
            // ssh is gone already (broken pipe).
        }

        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    _process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the wait and the kill.
                }

                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        await Task.WhenAll(_stdoutPump, _stderrPump).ConfigureAwait(false);
        SshTransportLog.OpenSshExited(_logger, _process.Id, Peer, _process.ExitCode);
        _process.Dispose();
        _askPass?.Dispose();
        _pinned?.Dispose();
    }

    /// <summary>Returns once the server's first bytes are readable (they stay unread); throws when ssh ends first or the timeout passes.</summary>
    private async Task WaitForServerAsync(SshTransportOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        ReadResult first;
        try
        {
            first = await _input.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MplaneConnectionException(MplaneConnectionFailure.TimedOut, Peer,
                $"no NETCONF server spoke on {Peer} within {options.ConnectTimeout.TotalSeconds:0.#} s (OpenSSH: {ErrorLines()})");
        }
        catch (IOException e)
        {
            await WaitForExitQuietlyAsync().ConfigureAwait(false);
            throw Classify(options, e);
        }

        bool spoke = !first.Buffer.IsEmpty;
        _input.Reader.AdvanceTo(first.Buffer.Start); // nothing consumed or examined: the hello is read again by the session
        if (!spoke)
        {
            await WaitForExitQuietlyAsync().ConfigureAwait(false);
            throw Classify(options, null);
        }
    }

    private async Task WaitForExitQuietlyAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            await _stderrPump.WaitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Classify with what stderr has so far.
        }
    }

    /// <summary>Maps what ssh said on stderr to a failure kind (the one place ssh's wording is interpreted).</summary>
    private MplaneConnectionException Classify(SshTransportOptions options, Exception? inner)
    {
        string errors = ErrorLines();
        string presented = PresentedHostKey() ?? "host key not reported";
        string exit = _process.HasExited ? $"ssh exit code {_process.ExitCode}" : "ssh still running";
        (MplaneConnectionFailure failure, string message) = errors switch
        {
            _ when errors.Contains("Host key verification failed", StringComparison.Ordinal) ||
                   errors.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", StringComparison.Ordinal) =>
                (MplaneConnectionFailure.HostKeyRejected,
                    $"host key of {options.Endpoint.KnownHostsName} refused by OpenSSH ({options.HostKeyPolicy}; presented {presented}): {errors}"),
            _ when errors.Contains("Permission denied", StringComparison.Ordinal) =>
                (MplaneConnectionFailure.AuthenticationFailed, $"SSH authentication failed for {Peer} with {options.Credentials}: {errors}"),
            _ when errors.Contains("Connection refused", StringComparison.Ordinal) =>
                (MplaneConnectionFailure.Unreachable, $"connection refused by {options.Endpoint.Host}:{options.Endpoint.Port} ({Peer}): {errors}"),
            _ when errors.Contains("timed out", StringComparison.OrdinalIgnoreCase) =>
                (MplaneConnectionFailure.TimedOut, $"no SSH session with {Peer}: {errors}"),
            _ when errors.Contains("Could not resolve", StringComparison.Ordinal) || errors.Contains("No route to host", StringComparison.Ordinal) =>
                (MplaneConnectionFailure.Unreachable, $"cannot reach {Peer}: {errors}"),
            _ when errors.Contains("subsystem request failed", StringComparison.Ordinal) =>
                (MplaneConnectionFailure.SubsystemRefused, $"the SSH server of {Peer} refused the '{options.Subsystem}' subsystem: {errors}"),
            _ => (MplaneConnectionFailure.SshFailure, $"ssh to {Peer} ended before the server spoke ({exit}): {errors}"),
        };
        return new MplaneConnectionException(failure, Peer, message, inner);
    }

    /// <summary>ssh's own messages without its debug chatter, one line.</summary>
    private string ErrorLines()
    {
        lock (_stderr)
        {
            var lines = _stderr.Where(l => !l.StartsWith("debug", StringComparison.Ordinal) && !l.StartsWith("OpenSSH_", StringComparison.Ordinal)).ToList();
            return lines.Count == 0 ? "(nothing on stderr)" : string.Join(" | ", lines);
        }
    }

    /// <summary>"ssh-ed25519 SHA256:…" from ssh's "Server host key:" debug line, once seen.</summary>
    private string? PresentedHostKey() => _presentedHostKey;

    private async Task PumpStdoutAsync()
    {
        try
        {
            await _process.StandardOutput.BaseStream.CopyToAsync(_input.Writer).ConfigureAwait(false);
            await _input.Writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            await _input.Writer.CompleteAsync(new IOException($"the OpenSSH connection to {Peer} failed: {e.Message}", e)).ConfigureAwait(false);
        }
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (_presentedHostKey is null && ServerHostKey().Match(line) is { Success: true } key)
                {
                    _presentedHostKey = key.Groups[1].Value + " " + key.Groups[2].Value;
                }

                lock (_stderr)
                {
                    _stderr.Enqueue(line);
                    if (_stderr.Count > StderrLinesKept)
                    {
                        _stderr.Dequeue();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process is gone; what was read is kept.
        }
    }

    [GeneratedRegex(@"Server host key: (\S+) (SHA256:\S+)")]
    private static partial Regex ServerHostKey();
}
