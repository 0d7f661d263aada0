using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// NETCONF call home from the emulated O-RU (RFC 8071 §3.1, raw TCP: the SSH layer, when wanted, is a relay in front of
/// the controller): dials the controller and serves one session over the connection; while nobody answers, dials again
/// every <c>retry</c> (o-ran-operations re-call-home-no-ssh-timer; CONF 3.1.1.2 flow 1 expects the repetition).
/// </summary>
public sealed class CallHomeDialer(OruMplaneServer server, string host, int port, TimeSpan retry)
{
    private readonly ILogger _logger = server.Options.LoggerFactory.CreateLogger<CallHomeDialer>();

    /// <summary>Connection attempts made so far (the first included).</summary>
    public int Attempts { get; private set; }

    public async Task<SessionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        string controller = $"{host}:{port}";
        while (true)
        {
            Attempts++;
            var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                tcp.Dispose();
                MplaneLog.CallHomeFailed(_logger, controller, ex.SocketErrorCode, retry);
                await Task.Delay(retry, server.Options.Time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (tcp)
            {
                MplaneLog.CallHomeConnected(_logger, controller);
                var stream = tcp.GetStream();
                return await server.ServeAsync(stream, stream, controller, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
