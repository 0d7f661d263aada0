using System.Globalization;
using OranTestbed.Orchestration.Cluster;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// An agent's session on standard error: waiting for the coordinator (said once per attempt to join, when it does not
/// answer within <see cref="WaitNotice"/>; Akka's own connection warnings are for <c>--log-level Debug</c>), joined,
/// each bench accepted or refused (with the coordinator's reason), and rejoins.
/// </summary>
internal sealed class AgentProgress : IAgentObserver, IDisposable
{
    /// <summary>How long joining may take before the agent says it is waiting.</summary>
    public static readonly TimeSpan WaitNotice = TimeSpan.FromSeconds(3);

    private readonly TextWriter _output;
    private readonly string _coordinator;
    private readonly Timer _waiting;
    private readonly Lock _gate = new();
    private bool _joined;
    private bool _saidWaiting;

    /// <summary>Starts waiting for <paramref name="coordinator"/> (HOST:PORT) now.</summary>
    public AgentProgress(TextWriter output, string coordinator)
    {
        _output = output;
        _coordinator = coordinator;
        _waiting = new Timer(_ => SayWaiting(), null, WaitNotice, Timeout.InfiniteTimeSpan);
    }

    public void Joined(string coordinator)
    {
        lock (_gate)
        {
            _joined = true;
            _output.WriteLine(_saidWaiting
                ? $"agent: the coordinator is up: joined it at {coordinator}"
                : $"agent: joined the coordinator at {coordinator}");
        }
    }

    public void BenchAccepted(string benchId) => _output.WriteLine($"  + bench {benchId} accepted");

    public void BenchRefused(string benchId, string reason)
    {
        lock (_gate)
        {
            // A refusal is an answer too: the coordinator is up, even if none of this agent's benches is wanted.
            if (!_joined && _saidWaiting)
            {
                _output.WriteLine($"agent: the coordinator at {_coordinator} is up");
            }

            _joined = true;
            _output.WriteLine($"  ! bench {benchId} refused: {reason}");
        }
    }

    public void Rejoining(string reason, TimeSpan delay)
    {
        lock (_gate)
        {
            _joined = false;
            _saidWaiting = false;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"agent: {reason}; joining again in {delay.TotalSeconds:0} s"));
            _waiting.Change(delay + WaitNotice, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _waiting.Dispose();

    private void SayWaiting()
    {
        lock (_gate)
        {
            if (_joined || _saidWaiting)
            {
                return;
            }

            _saidWaiting = true;
            _output.WriteLine($"agent: waiting for the coordinator at {_coordinator} (not answering yet); "
                              + "it is joined as soon as it starts");
        }
    }
}
