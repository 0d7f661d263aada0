using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OranTestbed.TestSupport.Live;

/// <summary>
/// The layer-2 relay of a <see cref="VethLink.CreateRelayed"/> link: <c>tools/lab/l2-delay-relay.py</c> (python3,
/// AF_PACKET raw sockets on both of the relay namespace's interfaces) forwarding every frame both ways and holding
/// each direction for a fixed time, a known path asymmetry on kernels without netem.
/// </summary>
/// <remarks>
/// The relay runs under <c>ip netns exec</c> as a child of the test process (<see cref="VethLink.StartIn"/>), so the
/// link's <see cref="VethLink.Dispose"/> kills it; it also exits by itself within 0.5 s when the test host is gone
/// (<c>--parent</c>), or when its interfaces are (and <see cref="VethLink.CleanupLeftovers"/> kills what still runs in
/// a stale namespace). It reports the delay each frame actually had inside it (receive to send on its monotonic
/// clock): <see cref="Stop"/> returns those figures, which say how much of a measured asymmetry is the relay's own.
/// </remarks>
public sealed class DelayRelay
{
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _process;

    private DelayRelay(Process process, ConcurrentQueue<string> log)
    {
        _process = process;
        Log = log;
    }

    /// <summary>The script, in the repository's <c>tools/lab</c>.</summary>
    public static string Script => Path.Combine(TestPaths.RepositoryRoot, "tools", "lab", "l2-delay-relay.py");

    /// <summary>The relay's output lines (<c>ready {...}</c>, <c>stats {...}</c>, errors).</summary>
    public ConcurrentQueue<string> Log { get; }

    /// <summary>Starts the relay between A's and B's veth pairs and waits until both sockets are bound.</summary>
    /// <param name="holdAToB">Hold of every frame from A to B (the master-to-slave direction when A is the master).</param>
    /// <param name="holdBToA">Hold of every frame from B to A.</param>
    public static DelayRelay Start(VethLink link, TimeSpan holdAToB, TimeSpan holdBToA)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.NamespaceRelay is null)
        {
            throw new ArgumentException("the link has no relay namespace: create it with VethLink.CreateRelayed()", nameof(link));
        }

        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} missing: the layer-2 relay is a python3 script (Debian package python3)");
        }

        var log = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = link.StartIn(link.NamespaceRelay, line =>
            {
                log.Enqueue(line);
                if (line.StartsWith("ready ", StringComparison.Ordinal))
                {
                    ready.TrySetResult(line);
                }
            }, Python, Script, "--a", link.RelayInterfaceA!, "--b", link.RelayInterfaceB!,
            "--delay-ab-us", Microseconds(holdAToB), "--delay-ba-us", Microseconds(holdBToA),
            "--parent", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--stats-interval", "3600");
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetResult("exited");
        if (!ready.Task.Wait(ReadyTimeout) || ready.Task.Result == "exited")
        {
            Assert.Fail($"the relay did not start within {ReadyTimeout.TotalSeconds} s:\n{string.Join('\n', log)}");
        }

        return new DelayRelay(process, log);
    }

    /// <summary>Stops the relay (SIGTERM) and returns what it forwarded and how long each frame stayed in it.</summary>
    public RelayFigures Stop()
    {
        VethLink.Run("kill", "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture));
        if (!_process.WaitForExit(5000))
        {
            Assert.Fail($"the relay did not exit on SIGTERM:\n{string.Join('\n', Log)}");
        }

        _process.WaitForExit(); // drains the output handlers
        var last = Log.LastOrDefault(l => l.StartsWith("stats ", StringComparison.Ordinal));
        if (last is null)
        {
            Assert.Fail($"the relay reported no figures:\n{string.Join('\n', Log)}");
        }

        using var json = JsonDocument.Parse(last!["stats ".Length..]);
        return new RelayFigures(Direction(json.RootElement.GetProperty("ab")), Direction(json.RootElement.GetProperty("ba")));
    }

    private static RelayDirection Direction(JsonElement e)
    {
        static long Get(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        var ptpEvent = e.GetProperty("ptpEvent");
        return new RelayDirection(Get(e, "forwarded"), Get(e, "dropped"), Get(e, "holdNs"), Get(e, "meanNs"),
            Get(e, "p50Ns"), Get(e, "p99Ns"), Get(e, "maxNs"), Get(ptpEvent, "frames"), Get(ptpEvent, "meanNs"));
    }

    private static string Microseconds(TimeSpan hold) =>
        (hold.Ticks / 10.0).ToString("0.###", CultureInfo.InvariantCulture);
}
