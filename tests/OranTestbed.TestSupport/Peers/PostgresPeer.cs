using System.Diagnostics;
using Npgsql;

namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// The PostgreSQL server of the results-store specs: found from ORAN_TESTBED_POSTGRES, else the file
/// tools/setup/.postgres-connection that tools/setup/postgres.sh writes, else that script's well-known local default.
/// The user must be allowed to create schemas (each spec works in a schema of its own).
/// </summary>
public static class PostgresPeer
{
    public const string Setup = "tools/setup/postgres.sh";

    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=oran_testbed_test;Username=oran_testbed_test;Password=oran_testbed_test";

    public static string ConnectionString
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("ORAN_TESTBED_POSTGRES");
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return fromEnvironment.Trim();
            }

            string file = Path.Combine(TestPaths.RepositoryRoot, "tools", "setup", ".postgres-connection");
            return File.Exists(file) ? File.ReadAllText(file).Trim() : DefaultConnectionString;
        }
    }

    /// <summary>An open connection to the server; when it cannot be reached, <see cref="MissingPeer.Report"/> says how to start it.</summary>
    public static async Task<NpgsqlConnection> ConnectAsync()
    {
        string connectionString = ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            MissingPeer.Report($"PostgreSQL is not reachable with \"{connectionString}\" ({e.Message}); the results-store specs " +
                "run on a real server (or set ORAN_TESTBED_POSTGRES to one where the user may create schemas)",
                Setup + " (installs postgresql with apt when missing, starts the cluster, creates the test role and database)");
            throw new UnreachableException();
        }
    }
}
