using Akka.Actor;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Emulated;
using OranTestbed.Orchestration.Hosting;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// Runs a bench agent until it is told to leave: joins the coordinator's cluster, offers its benches, runs what the
/// coordinator sends. When the coordinator goes away (a run ended, or its host died) the agent starts a fresh actor
/// system and joins again, so one agent serves run after run. Leaving (<paramref name="leave"/> cancelled) lets the
/// benches abort and clean up first; their unfinished executions are re-queued by the coordinator.
/// </summary>
public static class AgentRunner
{
    public static async Task<AgentEnd> RunAsync(AgentRequest request, IAgentObserver observer, ILoggerFactory loggers,
        CancellationToken leave)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var benches = new AgentBenches(request.Benches, new LabEquipment(request.Plan, loggers), request.TestRun,
            request.ResultsDirectory, new AgentCampaigns(request.Plan.Root, Path.Combine(request.ResultsDirectory, "campaigns")));
        while (true)
        {
            var end = await SessionAsync(request, benches, observer, loggers, leave).ConfigureAwait(false);
            if (!end.Rejoin || leave.IsCancellationRequested)
            {
                return end;
            }

            observer.Rejoining(end.Reason, request.RejoinDelay);
            try
            {
                await Task.Delay(request.RejoinDelay, leave).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new AgentEnd(Rejoin: false, "stopped");
            }
        }
    }

    /// <summary>One actor system's life: from joining to the coordinator's departure, this host's removal, or leaving.</summary>
    private static async Task<AgentEnd> SessionAsync(AgentRequest request, AgentBenches benches, IAgentObserver observer,
        ILoggerFactory loggers, CancellationToken leave)
    {
        using var host = OrchestrationHost.BuildAgent(request.Listen, request.Coordinator, loggers);
        await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var system = host.ActorSystem();
            var ended = new TaskCompletionSource<AgentEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
            var agent = system.ActorOf(BenchAgentActor.Props(benches, OrchestrationHost.RegistryPath(request.Coordinator),
                observer, ended, loggers), "bench-agent");
            var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var onLeave = leave.Register(() => left.TrySetResult());
            var first = await Task.WhenAny(ended.Task, system.WhenTerminated, left.Task).ConfigureAwait(false);
            if (first == ended.Task)
            {
                return await ended.Task.ConfigureAwait(false);
            }

            if (first == system.WhenTerminated)
            {
                return new AgentEnd(Rejoin: true, "this host was removed from the cluster (the coordinator was unreachable)");
            }

            try
            {
                await agent.Ask<AgentLeft>(LeaveAgent.Instance, request.LeaveTimeout, CancellationToken.None).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                // Clean-up that outlives the timeout is abandoned: leaving must end.
            }

            return new AgentEnd(Rejoin: false, "stopped");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
