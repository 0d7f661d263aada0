using System.Buffers;

namespace OranTestbed.Mplane.Framing;

/// <summary>
/// Reads NETCONF messages off a byte stream (RFC 6242 §4): end-of-message framing (<c>]]&gt;]]&gt;</c>) or chunked
/// framing (<c>\n#LEN\n</c>…<c>\n##\n</c>, LEN in octets, 1..4294967295). Parses bytes, never strings, so a UTF-8
/// sequence, a delimiter or a chunk header split across reads (SSH packets) is reassembled. Anything that breaks the
/// framing, a message past <see cref="MaxMessageBytes"/> (checked on the chunk header, before any of it is buffered) or
/// a stream ending inside a message is a <see cref="NetconfFramingException"/> naming the byte offset: the caller must
/// close the session (§4.2). One reader per stream; not thread-safe.
/// </summary>
public sealed class NetconfMessageReader
{
    /// <summary>A generous bound on one message (a full <c>&lt;get&gt;</c> of an O-RU is a few hundred kB).</summary>
    public const long DefaultMaxMessageBytes = 64L << 20;

    private const int MaxChunkDigits = 10; // 4294967295
    private const uint MaxChunkSize = uint.MaxValue;

    private readonly Stream _input;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private long _offset; // stream offset of _buffer[_start]
    private bool _endOfStream;

    public NetconfMessageReader(Stream input, long maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        _input = input;
        MaxMessageBytes = maxMessageBytes;
    }

    /// <summary>End-of-message until both hellos advertised base:1.1 (the session switches it).</summary>
    public NetconfFraming Framing { get; set; } = NetconfFraming.EndOfMessage;

    public long MaxMessageBytes { get; }

    /// <summary>Bytes of the stream consumed so far (the offset errors name).</summary>
    public long Position => _offset;

    private int Buffered => _end - _start;

    /// <summary>The next message's bytes (without framing), or null when the stream ended cleanly between messages.</summary>
    public ValueTask<byte[]?> ReadMessageAsync(CancellationToken cancellationToken = default) =>
        Framing == NetconfFraming.EndOfMessage ? ReadEndOfMessageAsync(cancellationToken) : ReadChunkedAsync(cancellationToken);

    private async ValueTask<byte[]?> ReadEndOfMessageAsync(CancellationToken cancellationToken)
    {
        int searched = 0; // bytes after _start already known not to start the delimiter
        while (true)
        {
            int found = _buffer.AsSpan(_start + searched, Buffered - searched).IndexOf(NetconfDelimiters.EndOfMessage);
            if (found >= 0)
            {
                int length = searched + found;
                byte[] message = _buffer.AsSpan(_start, length).ToArray();
                Consume(length + NetconfDelimiters.EndOfMessage.Length);
                return message;
            }

            searched = Math.Max(0, Buffered - (NetconfDelimiters.EndOfMessage.Length - 1));
            if (searched > MaxMessageBytes)
            {
                throw new NetconfFramingException(
                    $"no end-of-message delimiter within {MaxMessageBytes} bytes of the message starting at byte {_offset}");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_buffer.AsSpan(_start, Buffered).IndexOfAnyExcept(NetconfDelimiters.Whitespace) < 0)
                {
                    Consume(Buffered);
                    return null;
                }

                throw new NetconfFramingException(
                    $"the stream ended inside a message (byte {_offset}, {Buffered} bytes without the end-of-message delimiter)");
            }
        }
    }

    private async ValueTask<byte[]?> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        byte[]? message = null;
        long length = 0;
        while (true)
        {
            if (!await EnsureAsync(2, cancellationToken).ConfigureAwait(false))
            {
                if (Buffered == 0 && message is null)
                {
                    return null;
                }

                throw Truncated("a chunk header");
            }

            if (_buffer[_start] != (byte)'\n' || _buffer[_start + 1] != (byte)'#')
            {
                throw new NetconfFramingException(
                    $"expected a chunk header (LF '#') at byte {_offset}, found {Describe(_buffer.AsSpan(_start, 2))}");
            }

            if (!await EnsureAsync(3, cancellationToken).ConfigureAwait(false))
            {
                throw Truncated("a chunk header");
            }

            if (_buffer[_start + 2] == (byte)'#')
            {
                if (!await EnsureAsync(4, cancellationToken).ConfigureAwait(false))
                {
                    throw Truncated("the end-of-chunks marker");
                }

                if (_buffer[_start + 3] != (byte)'\n')
                {
                    throw new NetconfFramingException($"expected LF after '##' at byte {_offset + 3}");
                }

                if (message is null)
                {
                    throw new NetconfFramingException($"end of chunks at byte {_offset} before any chunk (RFC 6242 §4.2)");
                }

                Consume(4);
                return length == message.Length ? message : message.AsSpan(0, (int)length).ToArray();
            }

            uint size = await ReadChunkSizeAsync(cancellationToken).ConfigureAwait(false);
            if (length + size > MaxMessageBytes)
            {
                throw new NetconfFramingException(
                    $"a chunk of {size} bytes at byte {_offset} makes the message larger than {MaxMessageBytes} bytes");
            }

            message = Grow(message, length, (int)(length + size));
            await CopyAsync(message, (int)length, (int)size, cancellationToken).ConfigureAwait(false);
            length += size;
        }
    }

    /// <summary>Reads <c>\n#DIGITS\n</c> (the <c>\n#</c> already checked) and consumes it.</summary>
    private async ValueTask<uint> ReadChunkSizeAsync(CancellationToken cancellationToken)
    {
        const int first = 2;
        int i = first;
        ulong size = 0;
        while (true)
        {
            if (!await EnsureAsync(i + 1, cancellationToken).ConfigureAwait(false))
            {
                throw Truncated("a chunk header");
            }

            byte b = _buffer[_start + i];
            if (b == (byte)'\n' && i > first)
            {
                break;
            }

            bool digit = b is >= (byte)'0' and <= (byte)'9' && !(i == first && b == (byte)'0');
            if (!digit || i - first == MaxChunkDigits)
            {
                throw new NetconfFramingException(
                    $"bad chunk size at byte {_offset + i}: {Describe(_buffer.AsSpan(_start + i, 1))} (1 to {MaxChunkSize}, no leading zero)");
            }

            size = (size * 10) + (ulong)(b - '0');
            i++;
        }

        if (size > MaxChunkSize)
        {
            throw new NetconfFramingException($"chunk size {size} at byte {_offset} exceeds {MaxChunkSize}");
        }

        Consume(i + 1);
        return (uint)size;
    }

    private async ValueTask CopyAsync(byte[] destination, int at, int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (Buffered == 0 && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw Truncated($"a chunk ({count} bytes missing)");
            }

            int n = Math.Min(count, Buffered);
            _buffer.AsSpan(_start, n).CopyTo(destination.AsSpan(at));
            Consume(n);
            at += n;
            count -= n;
        }
    }

    private static byte[] Grow(byte[]? message, long used, int needed)
    {
        if (message is not null && message.Length >= needed)
        {
            return message;
        }

        var grown = new byte[Math.Max(needed, message is null ? 0 : (int)Math.Min(int.MaxValue, message.Length * 2L))];
        message?.AsSpan(0, (int)used).CopyTo(grown);
        return grown;
    }

    private async ValueTask<bool> EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (Buffered < count)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads more bytes after what is buffered (compacting or growing the buffer); false at end of stream.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_endOfStream)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, Buffered).CopyTo(_buffer);
            _end = Buffered;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(grown);
            _buffer = grown; // the old buffer was ours (first) or rented and is simply dropped to the GC
        }

        int read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
            return false;
        }

        _end += read;
        return true;
    }

    private void Consume(int count)
    {
        _start += count;
        _offset += count;
    }

    private NetconfFramingException Truncated(string what) =>
        new($"the stream ended inside {what} at byte {_offset + Buffered}");

    private static string Describe(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', bytes.ToArray().Select(b => b is >= 0x21 and < 0x7f ? $"'{(char)b}'" : $"0x{b:x2}"));
}
