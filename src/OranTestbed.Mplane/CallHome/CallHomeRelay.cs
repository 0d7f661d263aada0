using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OranTestbed.Mplane.CallHome;

/// <summary>
/// Splices one accepted call-home connection to a one-shot loopback listener: SSH.NET always connects a socket of its
/// own (its socket factory is internal), so it is pointed at <see cref="Port"/> on 127.0.0.1 and this relay copies bytes
/// both ways between that connection and the O-RU's. The listener takes exactly one connection, then stops; a
/// connection from anything but loopback is refused. When either side closes, the other is shut down for sending, and
/// when both are done both sockets close (so the O-RU sees its session end).
/// </summary>
internal sealed class CallHomeRelay : IAsyncDisposable
{
    private readonly Socket _caller;
    private readonly TcpListener _loopback;
    private readonly ILogger _logger;
    private readonly EndPoint _callerEndPoint;
    private readonly Task _splice;
    private volatile Socket? _local;
    private long _fromCaller;
    private long _toCaller;

    private CallHomeRelay(Socket caller, ILogger logger)
    {
        _caller = caller;
        _callerEndPoint = caller.RemoteEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        _logger = logger;
        _loopback = new TcpListener(IPAddress.Loopback, 0);
        _loopback.Start(1);
        Port = ((IPEndPoint)_loopback.LocalEndpoint).Port;
        _splice = SpliceAsync();
    }

    /// <summary>The loopback port SSH.NET must connect to.</summary>
    public int Port { get; }

    public static CallHomeRelay Start(Socket caller, ILogger logger) => new(caller, logger);

    public async ValueTask DisposeAsync()
    {
        _loopback.Stop();
        _local?.Dispose();
        _caller.Dispose();
        await _splice.ConfigureAwait(false);
    }

    private async Task SpliceAsync()
    {
        try
        {
            while (true)
            {
                Socket accepted = await _loopback.AcceptSocketAsync().ConfigureAwait(false);
                if (accepted.RemoteEndPoint is IPEndPoint { Address: var address } && IPAddress.IsLoopback(address))
                {
                    _local = accepted;
                    break;
                }

                CallHomeLog.RelayIntruder(_logger, Port, accepted.RemoteEndPoint);
                accepted.Dispose();
            }

            _loopback.Stop();
            await Task.WhenAll(
                PumpAsync(_caller, _local, count => _fromCaller += count),
                PumpAsync(_local, _caller, count => _toCaller += count)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // Disposed before SSH.NET connected, or a side reset: both sockets are closed below.
        }
        finally
        {
            _local?.Dispose();
            _caller.Dispose();
            CallHomeLog.RelayEnded(_logger, _callerEndPoint, _fromCaller, _toCaller);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, Action<int> counted)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                int read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                counted(read);
                int sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None).ConfigureAwait(false);
                }
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // One side went away: close the other so its reader ends too.
            from.Dispose();
            to.Dispose();
        }
    }
}
