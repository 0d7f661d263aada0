using Akka.Actor;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Cluster;
using OranTestbed.Orchestration.Hosting;
using OranTestbed.Orchestration.Results;
using OranTestbed.Results.Store;

namespace OranTestbed.Orchestration.Runs;

/// <summary>
/// Runs a campaign on the orchestrator's actor system: takes the run (<see cref="RunLock"/>: a second process running
/// or resuming the same run gets <see cref="RunOwnedException"/>), starts the host (SQLite journal), a coordinator for the run
/// id (which resumes when the journal knows the run), with a cluster the bench registry that agents offer their
/// benches to, a listener that projects results into the results store (<c>RESULTS/results.db</c>), and waits for the
/// end; a closing pass records every journaled result the listener could not (idempotent). Cancelling <c>abort</c> asks the coordinator to abort (clean-up still runs); the result
/// is the coordinator's <see cref="RunCompleted"/>, written also as <c>summary.json</c>.
/// </summary>
public static class CampaignRunner
{
    public static async Task<RunCompleted> RunAsync(RunRequest request, IRunObserver observer, ILoggerFactory loggers,
        CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One process owns the run until it has stopped the host and written its summary (disposed last).
        using var owner = RunLock.Acquire(request.RunFolder, request.RunId);
        var store = await Durably(request.ResultsFile, () => ResultsStore.OpenSqliteAsync(request.ResultsFile, CancellationToken.None))
            .ConfigureAwait(false);
        var recorder = new RunRecorder(store, request);
        await Durably(request.ResultsFile, () => recorder.BeginAsync(CancellationToken.None)).ConfigureAwait(false);
        using var host = OrchestrationHost.Build(request.JournalFile, loggers, request.Cluster?.Listen);
        await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var system = host.ActorSystem();
            var settings = new CoordinatorSettings(request.RunFolder, request.Equipment, request.TestRun, loggers)
            {
                MaxAttempts = e => 1 + e.Case.Case.Retries,
                Campaign = request.Campaign,
                BenchWait = request.Cluster?.BenchWait ?? TimeSpan.Zero,
            };
            var listener = system.ActorOf(RunProgressActor.Props(recorder, observer, loggers.CreateLogger<RunProgressActor>()), "run-progress");
            var coordinator = system.ActorOf(CampaignCoordinatorActor.Props(request.RunId, settings), "run-" + request.RunId);
            if (request.Cluster is { } cluster)
            {
                var registry = system.ActorOf(BenchRegistryActor.Props(cluster.Lab,
                    [.. request.Benches.Select(b => b.Id)], loggers), BenchRegistryActor.Name);
                registry.Tell(new SubscribeBenches(coordinator));
            }

            var start = new StartRun(request.RunId, request.Expansion.Campaign.Id, request.PlanHash, request.Executions,
                request.Benches, listener);
            await using var onAbort = abort.Register(() => coordinator.Tell(new AbortRun("interrupted (Ctrl+C)")));
            var completed = await Durably(request.JournalFile, () => AnswerOf(coordinator, start)).ConfigureAwait(false);
            if (completed.Refused is null)
            {
                await Durably(request.ResultsFile, async () =>
                {
                    foreach (var record in completed.Records)
                    {
                        await recorder.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
                    }

                    await recorder.FinishAsync(completed, CancellationToken.None).ConfigureAwait(false);
                }).ConfigureAwait(false);
                string summary = Path.Combine(request.RunFolder, "summary.json");
                await Durably(summary, () =>
                {
                    RunSummaryJson.Write(summary, request, completed);
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
            }

            return completed;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The coordinator's answer to the run. A coordinator that stops without one (Akka stops a persistent actor whose
    /// journal failed: it answers first with the reason, see <see cref="CampaignCoordinatorActor"/>; one whose journal
    /// could not even be read stops silently) must not leave the process waiting for ever.
    /// </summary>
    private static async Task<RunCompleted> AnswerOf(IActorRef coordinator, StartRun start)
    {
        // Not cancelled by abort: an abort ends the run through the coordinator, which still answers.
        var answer = coordinator.Ask<RunCompleted>(start, Timeout.InfiniteTimeSpan, CancellationToken.None);
        var stopped = coordinator.WatchAsync(CancellationToken.None);
        if (await Task.WhenAny(answer, stopped).ConfigureAwait(false) != answer)
        {
            // Its last word and its death reach us by different routes: give the word a moment to arrive.
            await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
            if (!answer.IsCompleted)
            {
                throw new RunStorageException("the run's coordinator stopped without finishing the run: its journal could "
                                              + "not be read or written (--log-level Debug shows why)");
            }
        }

        return await answer.ConfigureAwait(false);
    }

    /// <summary>Runs a write of the run's journal, results or summary; a full disk becomes a <see cref="RunStorageException"/>
    /// naming <paramref name="file"/>, anything else stays what it is.</summary>
    private static async Task<T> Durably<T>(string file, Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (RunStorageException stopped)
        {
            throw new RunStorageException($"{file}: {stopped.Message}", stopped);
        }
        catch (Exception e) when (StorageFault.Of(e) is { } full)
        {
            throw new RunStorageException($"{file}: could not be written: the disk is full ({full})", e);
        }
    }

    private static Task<bool> Durably(string file, Func<Task> write) =>
        Durably(file, async () =>
        {
            await write().ConfigureAwait(false);
            return true;
        });
}
