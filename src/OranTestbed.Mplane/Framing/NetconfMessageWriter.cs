using System.Globalization;
using System.Text;

namespace OranTestbed.Mplane.Framing;

/// <summary>
/// Writes NETCONF messages with the stream's current framing (RFC 6242 §4), each as one write and one flush. Writing
/// apart does not keep two messages out of one read on the far side (SSH merges them; netconfd 2.13 then holds an RPC
/// read together with the client's hello until more bytes arrive), so the session sends its first RPC only after the
/// server's hello. Safe to call from several threads: messages never interleave.
/// </summary>
public sealed class NetconfMessageWriter(Stream output) : IDisposable
{
    private readonly Stream _output = output ?? throw new ArgumentNullException(nameof(output));
    private readonly SemaphoreSlim _gate = new(1, 1);

    public NetconfFraming Framing { get; set; } = NetconfFraming.EndOfMessage;

    public async ValueTask WriteMessageAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        if (message.IsEmpty)
        {
            throw new ArgumentException("a NETCONF message is never empty", nameof(message));
        }

        byte[] framed = Frame(message.Span, Framing);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The framed bytes of one message (one chunk in chunked framing).</summary>
    internal static byte[] Frame(ReadOnlySpan<byte> message, NetconfFraming framing)
    {
        if (framing == NetconfFraming.EndOfMessage)
        {
            var eom = new byte[message.Length + NetconfDelimiters.EndOfMessage.Length];
            message.CopyTo(eom);
            NetconfDelimiters.EndOfMessage.CopyTo(eom.AsSpan(message.Length));
            return eom;
        }

        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\n#{message.Length}\n"));
        var chunked = new byte[header.Length + message.Length + NetconfDelimiters.EndOfChunks.Length];
        header.CopyTo(chunked, 0);
        message.CopyTo(chunked.AsSpan(header.Length));
        NetconfDelimiters.EndOfChunks.CopyTo(chunked.AsSpan(header.Length + message.Length));
        return chunked;
    }
}
