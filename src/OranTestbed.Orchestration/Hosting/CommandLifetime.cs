using Microsoft.Extensions.Hosting;

namespace OranTestbed.Orchestration.Hosting;

/// <summary>
/// The host's lifetime inside a command: started and stopped by the command, deaf to SIGINT/SIGTERM. The default
/// console lifetime would stop the actor system on the first Ctrl+C, under a run that is still aborting gracefully
/// (clean-up, journaling the aborted state); the commands handle Ctrl+C themselves.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
