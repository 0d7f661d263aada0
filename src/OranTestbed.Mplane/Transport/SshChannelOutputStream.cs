namespace OranTestbed.Mplane.Transport;

/// <summary>
/// The write side of an SSH subsystem channel as a <see cref="Stream"/>: each write becomes SSH channel data.
/// SSH.NET's send blocks while the server's window is full, so asynchronous writes run it on the thread pool instead
/// of the caller's thread. Writing after the channel closed is an <see cref="IOException"/> naming the peer (SSH.NET
/// itself would drop the bytes silently).
/// </summary>
internal sealed class SshChannelOutputStream(Action<byte[], int, int> send, Func<bool> isOpen, string peer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        EnsureOpen();
        if (count > 0)
        {
            send(buffer, offset, count);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        if (buffer.IsEmpty)
        {
            return;
        }

        byte[] copy = buffer.ToArray(); // the caller may reuse its buffer once we return
        await Task.Run(() => send(copy, 0, copy.Length), cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void EnsureOpen()
    {
        if (!isOpen())
        {
            throw new IOException($"the SSH channel to {peer} is closed");
        }
    }
}
