namespace OranTestbed.Orchestration.Runs;

/// <summary>
/// The run could not keep its journal or results (a full disk): it stopped, everything durable before is kept, and
/// <c>--resume</c> continues it once there is room. The message names the file and the cause.
/// </summary>
public sealed class RunStorageException : IOException
{
    public RunStorageException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public RunStorageException()
    {
    }

    public RunStorageException(string message)
        : base(message)
    {
    }
}
