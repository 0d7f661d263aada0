using System.Text;
using BenchmarkDotNet.Attributes;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Mplane.Framing;

namespace OranTestbed.Benchmarks.Mplane;

/// <summary>
/// The RFC 6242 framer's read side (<see cref="NetconfMessageReader"/>): one operation = reading every message of an
/// in-memory stream of 16 MiB of framed NETCONF XML, end-of-message (<c>]]&gt;]]&gt;</c>, searched for) or chunked (one
/// chunk per message, as <see cref="NetconfMessageWriter"/> frames them), with 4 kB messages (an RPC or a
/// notification) or 256 kB messages (a large <c>&lt;get&gt;</c> reply). GB/s is framed bytes per second; each message is
/// returned as its own array, so Allocated is about the stream size by design.
/// </summary>
[Config(typeof(FronthaulBenchmarkConfig))]
public class NetconfFramingBenchmarks : IThroughputBenchmark
{
    public const int StreamBytes = 16 << 20;

    private byte[] _framed = [];
    private int _messages;

    [Params(NetconfFraming.EndOfMessage, NetconfFraming.Chunked)]
    public NetconfFraming Framing { get; set; }

    [Params(4 * 1024, 256 * 1024)]
    public int MessageBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] message = Message(MessageBytes);
        _messages = StreamBytes / MessageBytes;
        using var framed = new MemoryStream();
        using (var writer = new NetconfMessageWriter(framed) { Framing = Framing })
        {
            for (int i = 0; i < _messages; i++)
            {
                writer.WriteMessageAsync(message).AsTask().GetAwaiter().GetResult();
            }
        }

        _framed = framed.ToArray();
    }

    public double BytesPerOperation(string benchmarkMethod) => _framed.Length;

    [Benchmark]
    public async Task<long> Read()
    {
        var reader = new NetconfMessageReader(new MemoryStream(_framed, writable: false)) { Framing = Framing };
        long bytes = 0;
        while (await reader.ReadMessageAsync().ConfigureAwait(false) is { } message)
        {
            bytes += message.Length;
        }

        return bytes == (long)_messages * MessageBytes ? bytes : throw new InvalidOperationException($"read {bytes} bytes");
    }

    /// <summary>An rpc-reply of interface entries padded to exactly <paramref name="size"/> bytes (ASCII XML, no ']').</summary>
    private static byte[] Message(int size)
    {
        const string head = "<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\"><data>";
        const string tail = "</data></rpc-reply>";
        const string entry = "<interface xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"><name>eth0.100</name>"
                             + "<vlan-id xmlns=\"urn:o-ran:interfaces:1.0\">100</vlan-id></interface>";
        var text = new StringBuilder(size).Append(head);
        while (text.Length + entry.Length + tail.Length <= size)
        {
            text.Append(entry);
        }

        text.Append(' ', size - text.Length - tail.Length).Append(tail);
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
