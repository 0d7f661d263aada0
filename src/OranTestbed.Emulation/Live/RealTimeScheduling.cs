using System.Runtime.InteropServices;

namespace OranTestbed.Emulation.Live;

/// <summary>
/// Linux scheduling for live pacing: SCHED_FIFO for the calling thread (root or CAP_SYS_NICE; a no-op elsewhere or
/// when refused) and sleeps shorter than a millisecond (nanosleep(2)): <see cref="Thread.Sleep(TimeSpan)"/> rounds
/// down to whole milliseconds, so a short wait would become a yield, which at real-time priority never lets a normal
/// thread (a capture thread) run.
/// </summary>
internal static partial class RealTimeScheduling
{
    private const int SchedFifo = 1;

    /// <summary>Low among real-time priorities (1..99): above every normal thread, below the kernel's own.</summary>
    private const int Priority = 10;

    public static bool TryRaiseCurrentThread() => TryRaise(0);

    /// <summary>The ids of this process's threads (Linux; empty elsewhere).</summary>
    public static HashSet<int> ThreadIds()
    {
        var ids = new HashSet<int>();
        if (OperatingSystem.IsLinux())
        {
            foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (int.TryParse(Path.GetFileName(task), out int id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    /// <summary>
    /// Raises the threads started since <paramref name="before"/> whose name starts with <paramref name="namePrefix"/>
    /// (.NET starts threads with an explicit, normal scheduling policy: they do not inherit the creator's). Returns
    /// how many were raised.
    /// </summary>
    public static int TryRaiseNewThreads(HashSet<int> before, string namePrefix)
    {
        ArgumentNullException.ThrowIfNull(before);
        int raised = 0;
        foreach (int id in ThreadIds())
        {
            if (before.Contains(id))
            {
                continue;
            }

            string name;
            try
            {
                name = File.ReadAllText($"/proc/self/task/{id}/comm").TrimEnd();
            }
            catch (IOException)
            {
                continue; // the thread ended meanwhile
            }

            // comm keeps the first 15 bytes of the thread's name.
            if (namePrefix.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                raised += TryRaise(id) ? 1 : 0;
            }
        }

        return raised;
    }

    private static bool TryRaise(int threadId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var parameter = new SchedParam { Priority = Priority };
        return SchedSetScheduler(threadId, SchedFifo, ref parameter) == 0;
    }

    /// <summary>Sleeps about <paramref name="nanoseconds"/> (at least one scheduler tick on other systems).</summary>
    public static void Sleep(long nanoseconds)
    {
        if (nanoseconds <= 0)
        {
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, nanoseconds / 1_000_000)));
            return;
        }

        var request = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        var remaining = default(TimeSpec);
        _ = NanoSleep(ref request, ref remaining); // an interrupted sleep ends early: callers loop on the clock
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref SchedParam parameter);

    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static partial int NanoSleep(ref TimeSpec request, ref TimeSpec remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    /// <summary><c>struct timespec</c> on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
