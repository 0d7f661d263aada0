using System.Text;
using CsCheck;
using OranTestbed.Mplane.Framing;

namespace OranTestbed.Mplane.Tests.Framing;

/// <summary>RFC 6242 framing on bytes: both framings round-trip at every split point, and broken framing is refused.</summary>
public sealed class NetconfFramingSpecs
{
    [TestCase(NetconfFraming.EndOfMessage)]
    [TestCase(NetconfFraming.Chunked)]
    public void Messages_must_round_trip_whatever_the_reads_split(NetconfFraming framing)
    {
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 200].Select(s => s + "é€<a/>").List[1, 4], Gen.Int[1, 17])
            .Sample((messages, readSize) =>
            {
                using var framed = new MemoryStream();
                foreach (var m in messages)
                {
                    framed.Write(NetconfMessageWriter.Frame(Encoding.UTF8.GetBytes(m), framing));
                }

                var reader = new NetconfMessageReader(new TrickleStream(framed.ToArray(), readSize)) { Framing = framing };
                foreach (var m in messages)
                {
                    Assert.That(Encoding.UTF8.GetString(reader.ReadMessageAsync().AsTask().Result!), Is.EqualTo(m));
                }

                Assert.That(reader.ReadMessageAsync().AsTask().Result, Is.Null, "clean end between messages");
            });
    }

    [Test]
    public void A_message_split_into_many_chunks_must_be_joined()
    {
        var reader = Reader("\n#3\n<a>\n#1\nx\n#4\n</a>\n##\n", NetconfFraming.Chunked);

        Assert.That(Encoding.UTF8.GetString(reader.ReadMessageAsync().AsTask().Result!), Is.EqualTo("<a>x</a>"));
    }

    [TestCase("\n#4294967296\n", "exceeds")]
    [TestCase("\n#4294967295\nabc", "larger than")]
    [TestCase("\n#0\n\n##\n", "bad chunk size")]
    [TestCase("\n#012\n", "bad chunk size")]
    [TestCase("\n#12345678901\n", "bad chunk size")]
    [TestCase("\n#3x\n", "bad chunk size")]
    [TestCase("#3\nabc\n##\n", "expected a chunk header")]
    [TestCase("\n##\n", "before any chunk")]
    [TestCase("\n#5\nabc", "ended inside a chunk")]
    [TestCase("\n#3\nabc\n#", "ended inside a chunk header")]
    public void Broken_chunked_framing_must_be_refused_with_where(string bytes, string why)
    {
        var reader = Reader(bytes, NetconfFraming.Chunked, maxMessageBytes: 1 << 20);

        var error = Assert.ThrowsAsync<NetconfFramingException>(async () => await reader.ReadMessageAsync());
        Assert.That(error!.Message, Does.Contain(why));
    }

    [Test]
    public void A_message_without_its_delimiter_must_be_refused_past_the_limit_and_at_the_end()
    {
        var unbounded = Reader(new string('x', 5000), NetconfFraming.EndOfMessage, maxMessageBytes: 1024);
        var truncated = Reader("<hello/>]]>]]><rpc", NetconfFraming.EndOfMessage);

        Assert.That(Assert.ThrowsAsync<NetconfFramingException>(async () => await unbounded.ReadMessageAsync())!.Message,
            Does.Contain("no end-of-message delimiter within 1024 bytes"));
        Assert.That(truncated.ReadMessageAsync().AsTask().Result, Is.Not.Null);
        Assert.That(Assert.ThrowsAsync<NetconfFramingException>(async () => await truncated.ReadMessageAsync())!.Message,
            Does.Contain("ended inside a message"));
    }

    private static NetconfMessageReader Reader(string bytes, NetconfFraming framing, long maxMessageBytes = NetconfMessageReader.DefaultMaxMessageBytes) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(bytes)), maxMessageBytes) { Framing = framing };

    /// <summary>Hands out at most <c>readSize</c> bytes per read, as SSH packets do.</summary>
    private sealed class TrickleStream(byte[] bytes, int readSize) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
