using System.Globalization;

namespace OranTestbed.Orchestration.Runs;

/// <summary>
/// Ownership of a run by one process: <c>RUN-FOLDER/run.lock</c> held open exclusively (on Linux and macOS an
/// <c>flock</c>, on Windows a share-none handle), so the lock dies with its holder, by exit, crash or <c>kill -9</c>,
/// and nothing stale is ever left to clean up. <c>run.owner</c> beside it says who holds it (process id, host, since
/// when) for the message of a refused process; the lock file itself is never deleted (deleting a lock file races with
/// the next process opening it). A second <see cref="Acquire"/> of the same run, in another process or this one, throws
/// <see cref="RunOwnedException"/>.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";

    public const string OwnerFileName = "run.owner";

    private readonly FileStream _lock;
    private readonly string _ownerFile;

    private RunLock(FileStream held, string ownerFile)
    {
        _lock = held;
        _ownerFile = ownerFile;
    }

    /// <summary>Takes the run (creating its folder); throws <see cref="RunOwnedException"/> while another holder has it.</summary>
    public static RunLock Acquire(string runFolder, string runId)
    {
        Directory.CreateDirectory(runFolder);
        string ownerFile = Path.Combine(runFolder, OwnerFileName);
        FileStream held;
        try
        {
            held = new FileStream(Path.Combine(runFolder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new RunOwnedException(runId, ReadOwner(ownerFile), e);
        }

        try
        {
            File.WriteAllText(ownerFile, string.Create(CultureInfo.InvariantCulture,
                $"process {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z\n"));
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return new RunLock(held, ownerFile);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_ownerFile);
        }
        catch (IOException)
        {
            // The owner note is informative only; the lock is what counts and goes with the handle.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _lock.Dispose();
    }

    private static string? ReadOwner(string ownerFile)
    {
        try
        {
            return File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() is { Length: > 0 } owner ? owner : null : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
