using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using static OranTestbed.Emulation.Tests.Mplane.NetconfTestClient;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>Call home (CONF 3.1.1.1 and 3.1.1.2 flow 1): the O-RU dials the controller, and dials again while unanswered.</summary>
[TestFixture]
public sealed class MplaneCallHomeSpecs
{
    [Test]
    public async Task Emulator_must_call_home_again_until_the_controller_listens_then_serve_netconf()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        int port = FreePort();
        var dialer = new CallHomeDialer(server, "127.0.0.1", port, TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var serving = Task.Run(() => dialer.RunAsync(stop.Token));
        await WaitUntil(() => dialer.Attempts >= 1);
        var firstAttempt = time.GetUtcNow();
        while (dialer.Attempts < 2)
        {
            // Second by second: the retry is due 30 s after the refused dial, whenever the dialer started waiting.
            Assert.That(time.GetUtcNow() - firstAttempt, Is.LessThan(TimeSpan.FromSeconds(40)), "no second call home");
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        var retriedAfter = time.GetUtcNow() - firstAttempt;

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var accepting = listener.AcceptTcpClientAsync(stop.Token).AsTask();
        while (!accepting.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(accepting, Task.Delay(50, stop.Token));
        }

        using var connection = await accepting;
        var stream = connection.GetStream();
        await using var client = await NetconfTestClient.ConnectAsync(stream, stream, stream, serving);
        var reply = await client.RpcAsync("<nc:get><nc:filter><sync xmlns=\"urn:o-ran:sync:1.0\"/></nc:filter></nc:get>");
        await client.RpcAsync("<nc:close-session/>");
        var result = await serving.WaitAsync(stop.Token);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retriedAfter, Is.InRange(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31)), "dialled again after the retry time");
            Assert.That(client.Capabilities, Does.Contain("urn:ietf:params:netconf:base:1.1"));
            Assert.That(reply.Descendants().Single(e => e.Name.LocalName == "sync-state").Value, Is.EqualTo("LOCKED"));
            Assert.That(result.End, Is.EqualTo(SessionEnd.Closed));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the dialer did not get there within 10 s");
            await Task.Delay(20);
        }
    }
}
