using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OranTestbed.Orchestration.Runs;

/// <summary>
/// Tells the testbed's own storage running out (a full disk or quota, for evidence, the journal or the results store)
/// from everything else: that is not the equipment's fault, so it never becomes an execution's verdict; the run stops
/// as aborted, keeps what is durable, and resumes once there is room.
/// </summary>
internal static class StorageFault
{
    private const int NoSpace = 28;        // ENOSPC: .NET's IOException.HResult carries the errno on Unix
    private const int QuotaExceeded = 122; // EDQUOT
    private const int SqliteFull = 13;     // SQLITE_FULL: "database or disk is full"
    private const string PostgresDiskFull = "53100";

    /// <summary>The message of the storage failure in <paramref name="exception"/>'s chain, or null if there is none.</summary>
    public static string? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            bool full = e switch
            {
                IOException io => io.HResult is NoSpace or QuotaExceeded,
                SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull,
                DbException db => db.SqlState == PostgresDiskFull,
                _ => false,
            };
            if (full)
            {
                return e.Message;
            }
        }

        return null;
    }
}
