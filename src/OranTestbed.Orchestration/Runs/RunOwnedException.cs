namespace OranTestbed.Orchestration.Runs;

/// <summary>The run is owned by another process (a run in progress, or a resume of it): see <see cref="RunLock"/>.</summary>
public sealed class RunOwnedException : IOException
{
    public RunOwnedException(string runId, string? owner, Exception? innerException = null)
        : base($"run {runId} is owned by another process ({owner ?? "its holder did not say who"}): wait for it to end, "
               + $"or stop it, then --resume {runId}", innerException)
    {
        RunId = runId;
        Owner = owner;
    }

    public RunOwnedException()
        : this("?", (string?)null)
    {
    }

    public RunOwnedException(string message)
        : base(message)
    {
        RunId = "?";
    }

    public RunOwnedException(string message, Exception innerException)
        : base(message, innerException)
    {
        RunId = "?";
    }

    public string RunId { get; }

    /// <summary>Who holds the run (process id, host, since when), if it said.</summary>
    public string? Owner { get; }
}
