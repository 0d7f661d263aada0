using System.IO.Pipelines;

namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Two ends of an in-memory byte stream: a client and a server talk NETCONF without SSH (the emulator in-process, for
/// fast specs). Disposing one end completes what it writes, so the other end's <see cref="Input"/> ends.
/// </summary>
public sealed class PipeTransport : INetconfTransport
{
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;

    private PipeTransport(string peer, PipeReader reader, PipeWriter writer)
    {
        Peer = peer;
        _reader = reader;
        _writer = writer;
        Input = reader.AsStream();
        Output = writer.AsStream();
    }

    public string Peer { get; }

    public Stream Input { get; }

    public Stream Output { get; }

    /// <summary>A connected pair: what <c>Client</c> writes, <c>Server</c> reads, and the other way round.</summary>
    public static (PipeTransport Client, PipeTransport Server) CreatePair(string serverName = "in-process")
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        return (new PipeTransport(serverName, toClient.Reader, toServer.Writer),
            new PipeTransport("client", toServer.Reader, toClient.Writer));
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.CompleteAsync().ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
    }
}
