using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Tracing;

/// <summary>
/// Appends every message and event of a NETCONF session to a file that becomes evidence of a test execution.
/// </summary>
/// <remarks>
/// <para>Format: UTF-8 text, one record per message or event, each a header line, the body, and a blank line:</para>
/// <code>
/// 2026-12-07T18:00:00.123456Z &gt;&gt; rpc message-id=7 operation=get-config bytes=187
/// &lt;?xml version="1.0" encoding="utf-8"?&gt;&lt;rpc message-id="7" …&gt;…&lt;/rpc&gt;
///
/// 2026-12-07T18:00:00.131002Z &lt;&lt; rpc-reply message-id=7 bytes=2301
/// …
///
/// 2026-12-07T18:00:05.000120Z -- rpc-timeout message-id=8 operation=get limit=5s
///
/// </code>
/// <para>The header is the UTC time with microseconds (ISO 8601), the direction (<c>&gt;&gt;</c> sent by the client,
/// <c>&lt;&lt;</c> received from the peer, <c>--</c> an event of the session itself), the kind (hello, rpc, rpc-reply,
/// notification, other, unparsable; or the event's name) and space-separated <c>key=value</c> details. A message's
/// body is exactly <c>bytes=</c> UTF-8 bytes (the XML as it went over the wire, without framing), so a record is
/// delimited by its length, never by searching for the blank line; events have no body.</para>
/// <para>Secrets: the session never holds SSH credentials and masks a password in the peer's name; the content of
/// elements named like secrets (<c>password</c> of o-ran-usermgmt, keystore clear-text keys) is replaced by
/// <c>***</c> (the header then says <c>redacted</c>, and the body is the re-serialised message).</para>
/// <para>Errors: evidence that cannot be written must not pass unnoticed. A failed write is kept and thrown as an
/// <see cref="IOException"/> by <see cref="ThrowIfFailed"/> (the session calls it before and after every operation)
/// and by <see cref="Dispose"/>; later records are not attempted. Thread-safe: records never interleave.</para>
/// </remarks>
public sealed class NetconfTrace : IDisposable, IAsyncDisposable
{
    private static readonly FrozenSet<string> SecretElementNames =
        FrozenSet.ToFrozenSet(["password", "cleartext-private-key", "cleartext-key", "cleartext-symmetric-key"], StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly Stream _file;
    private readonly TimeProvider _time;
    private Exception? _failure;
    private bool _disposed;

    private NetconfTrace(string path, Stream file, TimeProvider time)
    {
        Path = path;
        _file = file;
        _time = time;
    }

    public string Path { get; }

    /// <summary>Records written so far.</summary>
    public long Records { get; private set; }

    /// <summary>Opens <paramref name="path"/> for appending (created if absent; others may read it meanwhile).</summary>
    public static NetconfTrace Create(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0, // one write per record: a failure surfaces on the record that caused it
        });
        return new NetconfTrace(path, file, timeProvider ?? TimeProvider.System);
    }

    /// <summary>A message as it went over the wire; <paramref name="message"/> (its parsed form, if any) decides redaction.</summary>
    public void RecordMessage(NetconfTraceDirection direction, string kind, string details, XElement? message, ReadOnlySpan<byte> wire)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(details);
        byte[]? redacted = message is null ? null : Redact(message);
        ReadOnlySpan<byte> body = redacted ?? wire;
        string arrow = direction == NetconfTraceDirection.Sent ? ">>" : "<<";
        string extra = redacted is null ? "" : " redacted";
        Append($"{arrow} {kind}{Separator(details)}{OneLine(details)} bytes={body.Length}{extra}", body);
    }

    /// <summary>An event of the session (hello-timeout, closed, late-reply-dropped…), without a body.</summary>
    public void RecordEvent(string kind, string details)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(details);
        Append($"-- {kind}{Separator(details)}{OneLine(details)}", []);
    }

    /// <summary>Throws an <see cref="IOException"/> naming the file when any record could not be written.</summary>
    public void ThrowIfFailed()
    {
        Exception? failure;
        lock (_gate)
        {
            failure = _failure;
        }

        if (failure is not null)
        {
            throw new IOException($"the NETCONF trace {Path} is incomplete: a record could not be written ({failure.Message})", failure);
        }
    }

    /// <summary>Closes the file; throws an <see cref="IOException"/> when any record was lost.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _file.Dispose();
            }
            catch (IOException e)
            {
                _failure ??= e;
            }
        }

        ThrowIfFailed();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string header, ReadOnlySpan<byte> body)
    {
        string stamp = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        int headerBytes = Encoding.UTF8.GetByteCount(stamp) + 1 + Encoding.UTF8.GetByteCount(header) + 1;
        var record = new byte[headerBytes + body.Length + (body.IsEmpty ? 1 : 2)];
        int at = Encoding.UTF8.GetBytes(stamp, record);
        record[at++] = (byte)' ';
        at += Encoding.UTF8.GetBytes(header, record.AsSpan(at));
        record[at++] = (byte)'\n';
        body.CopyTo(record.AsSpan(at));
        at += body.Length;
        if (!body.IsEmpty)
        {
            record[at++] = (byte)'\n';
        }

        record[at] = (byte)'\n';
        lock (_gate)
        {
            if (_failure is not null)
            {
                return;
            }

            if (_disposed)
            {
                _failure = new ObjectDisposedException(nameof(NetconfTrace), $"a record arrived after {Path} was closed");
                return;
            }

            try
            {
                _file.Write(record);
                Records++;
            }
            catch (IOException e)
            {
                _failure = e;
            }
        }
    }

    /// <summary>The message re-serialised with secret values masked, or null when it holds none (the wire bytes are kept).</summary>
    private static byte[]? Redact(XElement message)
    {
        if (!message.DescendantsAndSelf().Any(IsSecret))
        {
            return null;
        }

        var copy = new XElement(message);
        foreach (var secret in copy.DescendantsAndSelf().Where(IsSecret).ToList())
        {
            secret.RemoveNodes();
            secret.Add("***");
        }

        return NetconfXml.Serialize(copy);
    }

    private static bool IsSecret(XElement element) => SecretElementNames.Contains(element.Name.LocalName);

    private static string Separator(string details) => details.Length == 0 ? "" : " ";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
